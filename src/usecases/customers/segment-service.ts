// Segments as a use case: rule segments defined by marketers (validated, saved, members computed at
// once), the built-in RFM segments and the clusters of the last clustering, all materialised as
// IN_SEGMENT edges so analytics and Cypher can use them as a plain pattern. Every refresh reads the
// stored profiles (one path for the profiles run, defineSegment and clustering).
import { evaluateRule } from '../../algorithms/segments/evaluate-rule.ts';
import type { FeatureRow } from '../../algorithms/segments/feature-table.ts';
import { parseRule } from '../../algorithms/segments/parse-rule.ts';
import { RFM_SEGMENTS } from '../../algorithms/segments/rfm-segments.ts';
import type { Rule } from '../../algorithms/segments/rule.ts';
import { explainRule } from '../../algorithms/segments/explain-rule.ts';
import { segmentOrder, segmentReferences } from '../../algorithms/segments/segment-order.ts';
import { clusterUsers } from '../../algorithms/segments/kmeans-clusters.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { StoredProfile } from '../../domain/profile.ts';
import type { SegmentKind, StoredSegment } from '../../domain/segment.ts';
import type { ProfileStore } from '../../storage/profile-store.ts';
import type { SegmentSizePoint, SegmentStore, SegmentSummary } from '../../storage/segment-store.ts';
import { authorize } from '../access/permissions.ts';
import {
  affinityValues, attributeValues, ATTRIBUTE_NAMES, DEFAULT_CLUSTER_FEATURES, FEATURE_NAMES, featureValues, LOG_FEATURES,
} from './feature-catalogue.ts';

/** Rows per read when all profiles are evaluated. */
const PROFILE_PAGE = 5000;
const MAX_NAME = 80;

export interface ClusterArgs {
  readonly features?: readonly string[] | null;
  readonly minK?: number | null;
  readonly maxK?: number | null;
  readonly seed?: number | null;
}

export interface ClusteringView {
  readonly k: number;
  readonly silhouette: number;
  readonly silhouetteByK: readonly { k: number; silhouette: number }[];
  readonly features: readonly string[];
  readonly clusters: readonly StoredSegment[];
}

const MAX_K = 20;

/** Size-history points per answer: about three years of daily refreshes. */
export const MAX_SIZE_POINTS = 1000;

export interface SegmentRefresh {
  readonly id: string;
  readonly size: number;
}

export class SegmentService {
  constructor(
    private readonly segments: SegmentStore,
    private readonly profiles: ProfileStore,
    private readonly now: () => number,
    /** Category names for cluster descriptions (missing ids fall back to the id). */
    private readonly categoryNames: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>> = async () => new Map(),
  ) {}

  async list(p: Principal, kind: SegmentKind | null = null): Promise<StoredSegment[]> {
    authorize(p, 'segments:read');
    const all = await this.segments.list();
    return kind === null ? all : all.filter((s) => s.kind === kind);
  }

  async get(p: Principal, id: string): Promise<StoredSegment | null> {
    authorize(p, 'segments:read');
    return this.segments.get(id);
  }

  /** A page of member ids after `after` (keyset by id); `first` already validated. */
  async members(p: Principal, id: string, after: string, first: number): Promise<string[]> {
    authorize(p, 'segments:read');
    return this.segments.members(id, after, first);
  }

  async summary(p: Principal, id: string): Promise<SegmentSummary | null> {
    authorize(p, 'segments:read');
    return this.segments.summary(id);
  }

  /** The segment as an audience: what its members like most; `first` already validated. */
  async topItems(p: Principal, id: string, first: number): Promise<{ itemId: string; score: number; members: number }[]> {
    authorize(p, 'segments:read');
    return this.segments.topItems(id, first);
  }

  /**
   * The segment's size at each refresh with from <= at <= to (ms; null: unbounded), the `last` latest,
   * oldest first. Sizes only, so the series is as readable as the segment itself.
   */
  async sizeHistory(p: Principal, id: string, range: { readonly from: number | null; readonly to: number | null; readonly last: number }): Promise<SegmentSizePoint[]> {
    authorize(p, 'segments:read');
    const { from, to, last } = range;
    if (!Number.isInteger(last) || last < 1 || last > MAX_SIZE_POINTS) throw invalidInput(`last must be an integer between 1 and ${MAX_SIZE_POINTS}, got ${last}`, { field: 'last' });
    if (from !== null && to !== null && from > to) throw invalidInput('from must not be after to', { field: 'from' });
    return this.segments.sizeHistory(id, from ?? 0, to ?? Number.MAX_SAFE_INTEGER, last);
  }

  /** Validates the rule (field-named errors), saves it under the slug of `name`, computes its members now. */
  async define(p: Principal, input: { readonly name: string; readonly rule: unknown }): Promise<StoredSegment> {
    authorize(p, 'segments:write');
    const name = input.name.trim();
    const id = slug(name);
    if (name.length === 0 || name.length > MAX_NAME || id.length === 0) {
      throw invalidInput(`segment name must have 1..${MAX_NAME} characters with at least one letter or digit`, { field: 'input.name' });
    }
    const existing = await this.segments.list();
    if (existing.some((s) => s.id === id && s.kind !== 'RULE')) throw invalidInput(`'${id}' is a built-in segment id; choose another name`, { field: 'input.name' });
    // Other rules may name this one (a redefinition): it stays a known segment for them.
    const rules = ruleMap(existing.filter((s) => s.id !== id), new Set([...existing.map((s) => s.id), id]));
    const known = { features: FEATURE_NAMES, attributes: ATTRIBUTE_NAMES, segments: new Set([...existing.map((s) => s.id)].filter((s) => s !== id)) };
    const rule = parseRule(input.rule, known);
    segmentOrder(new Map([...rules, [id, rule]])); // throws INVALID_INPUT naming a cycle
    await this.segments.save({ id, name, kind: 'RULE', rule: JSON.stringify(input.rule), description: explainRule(rule), updatedAt: this.now() });
    // Only this segment and the rules that name it (directly or through others) change; RFM and cluster
    // memberships come from the last profiles run and stay as they are.
    await this.refreshRules(await this.loadRows(), this.now(), new Map(), withDependants(new Map([...rules, [id, rule]]), id));
    return (await this.segments.get(id))!;
  }

  async delete(p: Principal, id: string): Promise<boolean> {
    authorize(p, 'segments:write');
    const s = await this.segments.get(id);
    if (s === null) return false;
    if (s.kind !== 'RULE') throw invalidInput(`only rule segments can be deleted ('${id}' is ${s.kind})`, { field: 'id' });
    const dependants = [...ruleMap(await this.segments.list())].filter(([other, r]) => other !== id && segmentReferences(r).includes(id));
    if (dependants.length > 0) throw invalidInput(`segment '${id}' is used by ${dependants.map(([d]) => `'${d}'`).join(', ')}`, { field: 'id' });
    const deleted = await this.segments.delete(id);
    // A rule defined again under this name is a new segment: its series starts afresh.
    await this.segments.deleteSizeHistory([id]);
    return deleted;
  }

  /**
   * k-means++ over the standardised features of every profiled user, k by silhouette; the clusters replace
   * the previous clustering's segments (cluster-1 is the largest). Reproducible for a seed.
   */
  async cluster(p: Principal, args: ClusterArgs = {}): Promise<ClusteringView> {
    authorize(p, 'segments:write');
    const features = [...(args.features ?? DEFAULT_CLUSTER_FEATURES)];
    const unknown = features.filter((f) => !FEATURE_NAMES.has(f));
    if (features.length === 0 || unknown.length > 0) {
      throw invalidInput(unknown.length > 0 ? `unknown features: ${unknown.join(', ')} (see profileFeatures)` : 'features must not be empty', { field: 'input.features' });
    }
    const minK = args.minK ?? 2;
    const maxK = args.maxK ?? 8;
    if (!Number.isInteger(minK) || !Number.isInteger(maxK) || minK < 2 || maxK < minK || maxK > MAX_K) {
      throw invalidInput(`need integers 2 <= minK <= maxK <= ${MAX_K}, got minK ${minK}, maxK ${maxK}`, { field: 'input.minK' });
    }
    const rows = await this.loadRows();
    if (rows.length < minK + 1) throw invalidInput(`clustering needs at least ${minK + 1} profiled users, found ${rows.length} (run grec features first)`, { field: 'input' });
    // Interest: the affinity to the categories most often among users' top interests (a handful, so that
    // behaviour still carries the distance).
    const affinityKeys = commonCategoryKeys(rows, CLUSTER_CATEGORIES);
    const names = await this.categoryNames(affinityKeys.map((k) => k.slice('category:'.length)));
    const labels = (key: string): string => {
      if (!key.startsWith('category:')) return key;
      const id = key.slice('category:'.length);
      return names.get(id) ?? `category ${id}`;
    };
    const result = clusterUsers(rows, { features, affinityKeys, kRange: [minK, maxK], seed: args.seed ?? 42, logFeatures: LOG_FEATURES, labels });
    const at = this.now();
    const previous: string[] = [];
    for (const old of await this.segments.list()) {
      if (old.kind !== 'CLUSTER') continue;
      previous.push(old.id);
      await this.segments.delete(old.id);
    }
    const byCluster = new Map<number, string[]>();
    for (const [userId, c] of result.assignments) byCluster.set(c, [...(byCluster.get(c) ?? []), userId]);
    const clusters: StoredSegment[] = [];
    for (const c of result.clusters) {
      const id = `cluster-${c.id + 1}`;
      await this.segments.save({ id, name: `Cluster ${c.id + 1}`, kind: 'CLUSTER', rule: null, description: c.description, updatedAt: at, centroid: JSON.stringify(c.centroid) });
      await this.segments.replaceMembers(id, (byCluster.get(c.id) ?? []).sort(), at);
      clusters.push((await this.segments.get(id))!);
    }
    // cluster-N made again continues its size series (cluster-1 is always the largest); ids no longer made
    // lose theirs with their segment.
    await this.segments.deleteSizeHistory(previous.filter((id) => !clusters.some((c) => c.id === id)));
    return { k: result.k, silhouette: result.silhouette, silhouetteByK: result.silhouetteByK, features, clusters };
  }

  /**
   * Recomputes every RFM and rule segment from the stored profiles (the profiles run calls this last).
   * Rule segments run in dependency order, so a rule naming another segment sees its fresh members.
   */
  async refreshAll(): Promise<SegmentRefresh[]> {
    const rows = await this.loadRows();
    const at = this.now();
    const members = new Map<string, Set<string>>();
    const out: SegmentRefresh[] = [];
    for (const def of RFM_SEGMENTS) {
      const id = `rfm-${slug(def.name)}`;
      await this.segments.save({ id, name: def.label, kind: 'RFM', rule: null, description: `${def.description} (${def.rule})`, updatedAt: at });
      const ids = rows.filter((r) => r.attributes?.['rfmSegment'] === def.name).map((r) => r.userId);
      members.set(id, new Set(ids));
      out.push({ id, size: await this.segments.replaceMembers(id, ids, at) });
    }
    return [...out, ...(await this.refreshRules(rows, at, members, null))];
  }

  /**
   * Recomputes the rule segments in `only` (all when null), in dependency order, so a rule naming another
   * segment sees its fresh members; members of referenced segments not recomputed here (RFM, clusters,
   * untouched rules) are read from the store, once each.
   */
  private async refreshRules(rows: readonly FeatureRow[], at: number, members: Map<string, Set<string>>, only: ReadonlySet<string> | null): Promise<SegmentRefresh[]> {
    const rules = ruleMap(await this.segments.list());
    const out: SegmentRefresh[] = [];
    for (const id of segmentOrder(rules)) {
      const rule = rules.get(id);
      if (rule === undefined || (only !== null && !only.has(id))) continue; // RFM / CLUSTER, or not asked for
      for (const ref of segmentReferences(rule)) if (!members.has(ref)) members.set(ref, new Set(await this.allMembers(ref)));
      const ids = rows.filter((r) => evaluateRule(rule, r, (name) => members.get(name)?.has(r.userId) ?? false)).map((r) => r.userId);
      members.set(id, new Set(ids));
      out.push({ id, size: await this.segments.replaceMembers(id, ids, at) });
    }
    return out;
  }

  /** Every profiled user as a rule/clustering row (features at each profile's own reference time). */
  async loadRows(): Promise<FeatureRow[]> {
    const rows: FeatureRow[] = [];
    let after = '';
    for (;;) {
      const page = await this.profiles.profiledPage(after, PROFILE_PAGE);
      if (page.length === 0) return rows;
      for (const p of page) rows.push(featureRow(p));
      after = page[page.length - 1]!.userId;
    }
  }

  private async allMembers(id: string): Promise<string[]> {
    const out: string[] = [];
    let after = '';
    for (;;) {
      const page = await this.segments.members(id, after, PROFILE_PAGE);
      out.push(...page);
      if (page.length < PROFILE_PAGE) return out;
      after = page[page.length - 1]!;
    }
  }
}

export function featureRow(p: StoredProfile): FeatureRow {
  return { userId: p.userId, values: featureValues(p, p.computed.asOf ?? 0), attributes: attributeValues(p), affinities: affinityValues(p) };
}

/** `id` and every rule that references it, directly or through other rules. */
function withDependants(rules: ReadonlyMap<string, Rule>, id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [other, rule] of rules) {
      if (!out.has(other) && segmentReferences(rule).some((r) => out.has(r))) {
        out.add(other);
        grew = true;
      }
    }
  }
  return out;
}

/** Categories that enter the clustering as affinity features. */
const CLUSTER_CATEGORIES = 5;

function commonCategoryKeys(rows: readonly FeatureRow[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const k of Object.keys(r.affinities ?? {})) if (k.startsWith('category:')) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([k]) => k);
}

/** The saved rules by id; `knownIds` are the segment ids they may name (default: the segments given). */
function ruleMap(segments: readonly StoredSegment[], knownIds: ReadonlySet<string> = new Set(segments.map((x) => x.id))): Map<string, Rule> {
  const out = new Map<string, Rule>();
  for (const s of segments) {
    if (s.kind !== 'RULE' || s.rule === null) continue;
    // Saved rules were validated when defined; features never disappear, so they parse again.
    out.set(s.id, parseRule(JSON.parse(s.rule) as unknown, { features: FEATURE_NAMES, attributes: ATTRIBUTE_NAMES, segments: knownIds }));
  }
  return out;
}

/** Lower-case letters, digits and single dashes: "Big spenders!" -> "big-spenders". */
export function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
