// Saved customer segments. RULE: a marketer's rule document over profile features; RFM: the built-in
// recency/frequency/monetary segments; CLUSTER: a group found by the last clustering run. Membership is
// materialised as (:User)-[:IN_SEGMENT]->(:Segment) edges, refreshed by each profiles run.
export const SEGMENT_KINDS = ['RULE', 'RFM', 'CLUSTER'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export interface SegmentDefinition {
  /** Stable id: the slug of a rule segment's name, `rfm-<name>`, `cluster-<n>`. */
  readonly id: string;
  readonly name: string;
  readonly kind: SegmentKind;
  /** The rule document as JSON text (RULE only). */
  readonly rule: string | null;
  /** Plain words: the rule's text form, the RFM score rule, or the cluster's distinguishing features. */
  readonly description: string;
  readonly updatedAt: number;
  /** CLUSTER only: the centroid in original units, as JSON text ({feature: value}). */
  readonly centroid?: string | null;
}

export interface StoredSegment extends SegmentDefinition {
  readonly size: number | null;
  readonly refreshedAt: number | null;
}
