// Saved segments' member ids held between queries, keyed by the segment's version (refreshedAt and member count,
// segment-members.cypher): each query still makes the one indexed read, but the ids travel only when the segment
// was refreshed or lost a member since they were read. Memberships change only then: a refresh rewrites them
// (and stamps refreshedAt), a user leaving profiling or erased loses theirs (the count drops).
// While a refresh is rewriting memberships (several transactions), a query may get the list from before it when
// the count happens to match; the refresh's last step stamps refreshedAt, after which the new list is read.
// An erasure drops every held list at once (no id of an erased user stays in the process). Held: one Set of ids
// per saved segment queried.
import type { AnalyticsStore, SegmentVersion } from '../../storage/analytics-store.ts';

export class SegmentMembersCache {
  private readonly held = new Map<string, { readonly version: SegmentVersion; readonly ids: ReadonlySet<string> }>();
  /** Reads that transferred the member ids (tests and the benchmark show that a repeat does not). */
  transfers = 0;

  constructor(private readonly store: AnalyticsStore) {}

  /** The segment's member ids, current as of this call (empty when the segment does not exist). */
  async members(segmentId: string): Promise<ReadonlySet<string>> {
    const known = this.held.get(segmentId);
    const read = await this.store.segmentMembers(segmentId, known?.version ?? null);
    if (read === null) {
      this.held.delete(segmentId);
      return new Set();
    }
    if (read.userIds === null && known !== undefined) return known.ids;
    this.transfers++;
    const ids = new Set(read.userIds ?? []);
    this.held.set(segmentId, { version: read.version, ids });
    return ids;
  }

  /** Forget every held list (erasure, reset). */
  clear(): void {
    this.held.clear();
  }
}
