// One call for the whole customer refresh (CLI `grec features`, the demo start): profiles, then every
// RFM and rule segment from them, then optionally a new clustering.
import { SYSTEM } from '../../domain/principal.ts';
import type { ProfileStore } from '../../storage/profile-store.ts';
import { runProfiles, type ProfilesJobOptions, type ProfilesReport } from './profiles-job.ts';
import type { ClusterArgs, ClusteringView, SegmentRefresh, SegmentService } from './segment-service.ts';

export interface CustomerRefreshReport {
  readonly profiles: ProfilesReport;
  readonly segments: readonly SegmentRefresh[];
  readonly clustering: ClusteringView | null;
  readonly segmentsMs: number;
}

export async function refreshCustomers(
  store: ProfileStore, segments: SegmentService, opts: ProfilesJobOptions & { readonly cluster?: ClusterArgs | null },
): Promise<CustomerRefreshReport> {
  const profiles = await runProfiles(store, opts);
  const t0 = opts.now();
  const refreshed = await segments.refreshAll();
  const clustering = opts.cluster == null ? null : await segments.cluster(SYSTEM, opts.cluster);
  return { profiles, segments: refreshed, clustering, segmentsMs: opts.now() - t0 };
}

/** The report as the CLI prints it. */
export function formatCustomerReport(r: CustomerRefreshReport): string {
  const p = r.profiles;
  const lines = [
    `profiles: ${p.users} users (${p.profiled} profiled, ${p.cleared} cleared: refused analytics) in ${(p.durationMs / 1000).toFixed(1)} s`
      + ` (${Math.round(p.users / Math.max(p.durationMs / 1000, 1e-3))} users/s), as of ${new Date(p.asOf).toISOString()}`,
  ];
  const v = p.valueModel;
  lines.push(v.bgNbd === null
    ? `value model: not fitted (${v.buyers} buyers; at least 20 needed, with repeat purchases)`
    : `value model: BG/NBD r=${v.bgNbd.r.toFixed(3)} alpha=${v.bgNbd.alpha.toFixed(3)} a=${v.bgNbd.a.toFixed(3)} b=${v.bgNbd.b.toFixed(3)} on ${v.buyers} buyers; `
      + (v.gammaGamma === null ? 'Gamma-Gamma not fitted' : `Gamma-Gamma p=${v.gammaGamma.p.toFixed(2)} q=${v.gammaGamma.q.toFixed(2)} gamma=${v.gammaGamma.gamma.toFixed(2)} on ${v.repeatBuyers} repeat buyers`));
  lines.push(`segments refreshed in ${(r.segmentsMs / 1000).toFixed(1)} s: ${r.segments.map((s) => `${s.id} ${s.size}`).join(', ')}`);
  if (r.clustering !== null) {
    lines.push(`clusters: k=${r.clustering.k} (silhouette ${r.clustering.silhouette.toFixed(3)})`);
    for (const c of r.clustering.clusters) lines.push(`  ${c.id}: ${c.size ?? 0} users, ${c.description}`);
  }
  return lines.join('\n');
}
