export const EXPERIMENTS = `{
  experiments { key name status surface coverage startAt stopAt audienceSegmentId variants { key weight strategy } }
  campaigns { id name status channel audienceSegmentId audienceSize impressions conversions holdoutShare startAt endAt
    offer { coupon discount message value items { id title } } }
}`;

const ESTIMATE = 'value lower upper';
const LIFT = 'difference lower upper relative relativeLower relativeUpper pValue significant sequentialLower sequentialUpper sequentialPValue sequentialSignificant';

export const RESULTS = `query Results($key: ID!) {
  experimentResults(key: $key) {
    confidence attributionWindowHours computedAt
    sampleRatio { observed expected chiSquare pValue mismatch }
    variants { variant isControl strategy assigned exposed impressions clicks conversions revenue
      ctr { ${ESTIMATE} } conversionRate { ${ESTIMATE} } revenuePerUser { ${ESTIMATE} }
      conversionLift { ${LIFT} } revenueLift { ${LIFT} } }
  }
}`;

export interface Experiment {
  key: string; name: string | null; status: string; surface: string; coverage: number; startAt: string; stopAt: string | null;
  audienceSegmentId: string | null; variants: { key: string; weight: number; strategy: string }[];
}
export interface Campaign {
  id: string; name: string; status: string; channel: string; audienceSegmentId: string | null; audienceSize: number; impressions: number;
  conversions: number; holdoutShare: number; startAt: string; endAt: string | null;
  offer: { coupon: string | null; discount: number | null; message: string | null; value: number; items: { id: string; title: string | null }[] };
}
export interface ListData { experiments: Experiment[]; campaigns: Campaign[] }
export interface Estimate { value: number; lower: number; upper: number }
export interface Lift {
  difference: number; lower: number; upper: number; relative: number | null; relativeLower: number | null; relativeUpper: number | null;
  pValue: number; significant: boolean; sequentialLower: number; sequentialUpper: number; sequentialPValue: number; sequentialSignificant: boolean;
}
export interface VariantResult {
  variant: string; isControl: boolean; strategy: string; assigned: number; exposed: number; impressions: number; clicks: number;
  conversions: number; revenue: number; ctr: Estimate | null; conversionRate: Estimate | null; revenuePerUser: Estimate | null;
  conversionLift: Lift | null; revenueLift: Lift | null;
}
export interface ResultsData {
  experimentResults: { confidence: number; attributionWindowHours: number; computedAt: string;
    sampleRatio: { observed: number[]; expected: number[]; chiSquare: number; pValue: number; mismatch: boolean } | null;
    variants: VariantResult[] };
}
