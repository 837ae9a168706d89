export const SEGMENT_OPTIONS = `{ segments { id name kind size } }`;

const ARGS = '$segment: SegmentInput, $window: TimeWindowInput';
const OPTIONS = '$options: ChainOptionsInput';

export const MATRIX = `query Matrix(${ARGS}, ${OPTIONS}) {
  transitionMatrix(segment: $segment, window: $window, options: $options) {
    states users transitions rows { from support hasData absorbing counts probabilities } }
}`;

export const ABSORPTION = `query Absorption(${ARGS}, ${OPTIONS}) {
  absorption(segment: $segment, window: $window, options: $options) {
    absorbingStates noDataStates rows { from expectedSteps absorbing { state probability } } }
}`;

export const FUNNEL = `query Funnel(${ARGS}) {
  funnel(steps: [VIEW, CART, PURCHASE], segment: $segment, window: $window, conversionWindowHours: 72) {
    totalUsers overallConversion medianSecondsToConvert p90SecondsToConvert
    steps { state users conversion dropOff medianSecondsFromStart } }
}`;

export const CONVERSION = `query Conversion(${ARGS}, $breakdown: SegmentDimension) {
  conversionRate(action: PURCHASE, segment: $segment, window: $window, breakdown: $breakdown) {
    rate numerator denominator interval { low high }
    breakdown { segment rate numerator denominator interval { low high } } }
}`;

export interface MatrixData {
  transitionMatrix: { states: string[]; users: number; transitions: number;
    rows: { from: string; support: number; hasData: boolean; absorbing: boolean; counts: number[]; probabilities: number[] | null }[] };
}
export interface AbsorptionData {
  absorption: { absorbingStates: string[]; noDataStates: string[];
    rows: { from: string; expectedSteps: number; absorbing: { state: string; probability: number }[] }[] };
}
export interface FunnelData {
  funnel: { totalUsers: number; overallConversion: number | null; medianSecondsToConvert: number | null; p90SecondsToConvert: number | null;
    steps: { state: string; users: number; conversion: number | null; dropOff: number; medianSecondsFromStart: number | null }[] };
}
export interface Rate { rate: number; numerator: number; denominator: number; interval: { low: number; high: number } }
export interface ConversionData { conversionRate: Rate & { breakdown: (Rate & { segment: string })[] | null } }
export interface SegmentOptionsData { segments: { id: string; name: string; kind: string; size: number }[] }
