// funnel: ordered steps within a conversion window (see cypher/analytics/funnel-counts.cypher for the
// matching rule). conversion = users_k / users_(k-1), and for the first step users_0 / population;
// dropOff = previous population - users_k; times from the first step's event, in seconds.
// overallConversion = users reaching the last step / users reaching the first (null when none did).
import type { FunnelCounts } from '../../storage/analytics-store.ts';

export interface FunnelView {
  readonly totalUsers: number;
  readonly steps: readonly {
    readonly state: string;
    readonly users: number;
    readonly conversion: number | null;
    readonly dropOff: number;
    readonly medianSecondsFromStart: number | null;
  }[];
  readonly overallConversion: number | null;
  readonly medianSecondsToConvert: number | null;
  readonly p90SecondsToConvert: number | null;
}

export function toFunnelView(f: FunnelCounts): FunnelView {
  const first = f.steps[0];
  const last = f.steps[f.steps.length - 1];
  const seconds = (ms: number | null): number | null => (ms === null ? null : ms / 1000);
  return {
    totalUsers: f.totalUsers,
    steps: f.steps.map((s, k) => {
      const prev = k === 0 ? f.totalUsers : (f.steps[k - 1]?.users ?? 0);
      return {
        state: s.state,
        users: s.users,
        conversion: prev === 0 ? null : s.users / prev,
        dropOff: prev - s.users,
        medianSecondsFromStart: k === 0 ? null : seconds(s.medianMs),
      };
    }),
    overallConversion: first === undefined || last === undefined || first.users === 0 ? null : last.users / first.users,
    medianSecondsToConvert: seconds(last?.medianMs ?? null),
    p90SecondsToConvert: seconds(last?.p90Ms ?? null),
  };
}
