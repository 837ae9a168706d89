export const SEGMENTS = `{
  segments { id name kind size description refreshedAt rule centroid
    summary { members share meanRecencyDays meanPurchases meanMonetary meanPAlive meanClv totalClv } }
  profileFeatures { name kind unit description }
}`;

export const DEFINE = `mutation Define($input: DefineSegmentInput!) { defineSegment(input: $input) { id name size description } }`;

export const COMPARE = `query Compare($a: SegmentInput!, $b: SegmentInput!) {
  a: conversionRate(action: PURCHASE, segment: $a) { rate numerator denominator interval { low high } }
  b: conversionRate(action: PURCHASE, segment: $b) { rate numerator denominator interval { low high } }
}`;

export interface Segment {
  id: string; name: string; kind: 'RULE' | 'RFM' | 'CLUSTER'; size: number; description: string; refreshedAt: string | null;
  rule: unknown; centroid: Record<string, number> | null;
  summary: { members: number; share: number; meanRecencyDays: number | null; meanPurchases: number | null; meanMonetary: number | null;
    meanPAlive: number | null; meanClv: number | null; totalClv: number | null } | null;
}
export interface Feature { name: string; kind: string; unit: string | null; description: string }
export interface SegmentsData { segments: Segment[]; profileFeatures: Feature[] }
export interface Rate { rate: number; numerator: number; denominator: number; interval: { low: number; high: number } }
export interface CompareData { a: Rate; b: Rate }

/** Each segment's size at its last 100 refreshes (profiles run, defineSegment, clustering), oldest first. */
export const SIZE_HISTORY = `query SizeHistory {
  segments { id name kind sizeHistory(last: 100) { at size } }
}`;

export interface SizePoint { at: string; size: number }
export interface SizeHistoryData { segments: { id: string; name: string; kind: Segment['kind']; sizeHistory: SizePoint[] }[] }
