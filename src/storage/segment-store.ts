// Segment definitions and their materialised memberships (cypher/customers/segment-*.cypher), and the size
// history taken at every membership refresh (cypher/segments/size-*.cypher).
import { SEGMENT_KINDS, type SegmentDefinition, type SegmentKind, type StoredSegment } from '../domain/segment.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

export interface SegmentSummary {
  readonly members: number;
  /** members / profiled users. */
  readonly share: number;
  readonly meanRecencyDays: number | null;
  readonly meanPurchases: number | null;
  readonly meanMonetary: number | null;
  readonly meanPAlive: number | null;
  readonly meanClv: number | null;
  readonly totalClv: number | null;
}

/** One point of a segment's size history. */
export interface SegmentSizePoint {
  readonly at: number;
  readonly size: number;
}

/** Edges per write transaction when memberships are replaced. */
const MEMBERSHIP_BATCH = 10_000;

export class SegmentStore {
  constructor(private readonly executor: Executor) {}

  async list(ids: readonly string[] | null = null): Promise<StoredSegment[]> {
    const rows = await this.executor.read(cypher('customers/segments'), { ids: ids === null ? null : [...ids] });
    return rows.map((r) => segmentFromRow(r['segment'] as Record<string, unknown>));
  }

  async get(id: string): Promise<StoredSegment | null> {
    return (await this.list([id]))[0] ?? null;
  }

  async save(def: SegmentDefinition): Promise<void> {
    const segment: Record<string, unknown> = { id: def.id, name: def.name, kind: def.kind, rule: def.rule, description: def.description, updatedAt: def.updatedAt };
    if (def.centroid !== undefined) segment['centroid'] = def.centroid;
    await this.executor.write(cypher('customers/segment-save'), { segment });
  }

  /**
   * Replaces the segment's members with `userIds`; returns the stored size. Every refresh also leaves a size
   * snapshot at `at` (the size history), so every path that recomputes members records one.
   */
  async replaceMembers(segmentId: string, userIds: readonly string[], at: number): Promise<number> {
    await this.clearMembers(segmentId);
    for (let k = 0; k < userIds.length; k += MEMBERSHIP_BATCH) {
      await this.executor.write(cypher('customers/segment-members-add'), { segmentId, userIds: userIds.slice(k, k + MEMBERSHIP_BATCH) });
    }
    const rows = await this.executor.write(cypher('customers/segment-size'), { segmentId, at });
    const size = Number(rows[0]?.['size'] ?? 0);
    await this.executor.write(cypher('segments/size-record'), { segmentId, at, size });
    return size;
  }

  /** The `last` latest snapshots with from <= at <= to, oldest first. */
  async sizeHistory(segmentId: string, from: number, to: number, last: number): Promise<SegmentSizePoint[]> {
    const rows = await this.executor.read(cypher('segments/size-history'), { segmentId, from, to, last });
    return rows.map((r) => ({ at: Number(r['at']), size: Number(r['size']) }));
  }

  /** Drops the size history of segments that are gone for good. */
  async deleteSizeHistory(segmentIds: readonly string[]): Promise<void> {
    if (segmentIds.length === 0) return;
    await this.executor.write(cypher('segments/size-history-delete'), { segmentIds: [...segmentIds] });
  }

  async delete(segmentId: string): Promise<boolean> {
    await this.clearMembers(segmentId);
    const rows = await this.executor.write(cypher('customers/segment-delete'), { segmentId });
    return Number(rows[0]?.['deleted'] ?? 0) > 0;
  }

  /** Member ids in id order after `after` (keyset page). */
  async members(segmentId: string, after: string, first: number): Promise<string[]> {
    const rows = await this.executor.read(cypher('customers/segment-members'), { segmentId, after, first });
    return rows.map((r) => String(r['userId']));
  }

  /** Member statistics (segment-summary.cypher); null when the segment does not exist. */
  async summary(segmentId: string): Promise<SegmentSummary | null> {
    const [r] = await this.executor.read(cypher('customers/segment-summary'), { segmentId });
    if (r === undefined) return null;
    const opt = (k: string): number | null => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
    const members = Number(r['members']);
    const profiled = Number(r['profiled']);
    return {
      members, share: profiled === 0 ? 0 : members / profiled,
      meanRecencyDays: opt('meanRecencyDays'), meanPurchases: opt('meanPurchases'), meanMonetary: opt('meanMonetary'),
      meanPAlive: opt('meanPAlive'), meanClv: opt('meanClv'), totalClv: members === 0 ? 0 : opt('totalClv'),
    };
  }

  /** The items the segment's members interacted with most (segment-top-items.cypher). */
  async topItems(segmentId: string, first: number): Promise<{ itemId: string; score: number; members: number }[]> {
    const rows = await this.executor.read(cypher('customers/segment-top-items'), { segmentId, first });
    return rows.map((r) => ({ itemId: String(r['itemId']), score: Number(r['score']), members: Number(r['members']) }));
  }

  private async clearMembers(segmentId: string): Promise<void> {
    for (;;) {
      const rows = await this.executor.write(cypher('customers/segment-members-clear'), { segmentId, batchSize: MEMBERSHIP_BATCH });
      if (Number(rows[0]?.['deleted'] ?? 0) === 0) return;
    }
  }
}

export function segmentFromRow(s: Record<string, unknown>): StoredSegment {
  const kind = String(s['kind']);
  return {
    id: String(s['id']),
    name: String(s['name'] ?? s['id']),
    kind: (SEGMENT_KINDS as readonly string[]).includes(kind) ? (kind as SegmentKind) : 'RULE',
    rule: s['rule'] == null ? null : String(s['rule']),
    description: String(s['description'] ?? ''),
    updatedAt: Number(s['updatedAt'] ?? 0),
    centroid: s['centroid'] == null ? null : String(s['centroid']),
    size: s['size'] == null ? null : Number(s['size']),
    refreshedAt: s['refreshedAt'] == null ? null : Number(s['refreshedAt']),
  };
}
