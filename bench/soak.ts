// Soak test: N minutes of mixed traffic against a running server (`npm start`), at a fixed concurrency:
// recommendation pages for many users (mostly HYBRID), similarItems, user reads, recordInteraction writes
// of which a share re-send an already answered event id (a client retry: must give created: false), and
// analytics (transitionMatrix, funnel) at a low rate. Prints errors by code, HTTP statuses, p50/p99 per
// operation and the RSS of the Node server and of the embedded Neo4j JVM at the start and the end (from
// /proc; see soak/processes.ts). Exits 1 when a target is missed: any error, any idempotency violation,
// or RSS growth above --max-rss-growth percent between the end of the warm-up and the end.
// Run: npm run soak -- --minutes 10 --concurrency 8 [--token <jwt>] [--header 'Name: value' ...]; --help.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { machineLine } from './machine.ts';
import { findJvmChild, findListeningPid, rssBytes } from './soak/processes.ts';
import { percentile, Tally } from './soak/tally.ts';
import { TrafficMix, type Request } from './soak/traffic.ts';

const here = dirname(fileURLToPath(import.meta.url));
const number = (name: string, min: number, max = Infinity) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`--${name} must be a number in [${min}, ${max}], got '${v}'`);
  return n;
};
const integer = (name: string, min: number) => (v: string): number => {
  const n = number(name, min)(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`--${name} must be an integer, got '${v}'`);
  return n;
};
const header = (v: string, prev: string[]): string[] => {
  if (!/^[A-Za-z0-9-]+:\s*\S/.test(v)) throw new InvalidArgumentError(`--header must look like 'Name: value', got '${v}'`);
  return [...prev, v];
};

const opts = new Command('soak')
  .description('Mixed traffic against a running grec server; prints errors by code, latency per operation and server/JVM RSS.')
  .option('--url <url>', 'GraphQL endpoint of the running server', 'http://127.0.0.1:4000/graphql')
  .option('--minutes <n>', 'measured duration in minutes (decimals allowed)', number('minutes', 0.05), 10)
  // A fresh server's RSS climbs for its first ~2 minutes of traffic (JIT, V8 heap sizing, the page cache and
  // Neo4j's page cache filling up to their bounds), then stays flat; measured here: +28 % in the 2 minutes
  // after a 30 s warm-up, +1.7 % in the 3 minutes after that. Growth is measured from the end of the warm-up.
  .option('--warmup <seconds>', 'seconds of the same traffic before measuring; RSS "start" is taken after it', integer('warmup', 0), 120)
  .option('--concurrency <n>', 'requests in flight', integer('concurrency', 1), 8)
  .option('--header <header>', "extra request header 'Name: value' (repeatable), e.g. 'Authorization: Bearer ...'", header, [])
  .option('--token <jwt>', 'bearer token for every request (overrides an Authorization --header)')
  .option('--analytics-token <jwt>', 'bearer token for the analytics requests (default: --token)')
  .option('--dup-share <p>', 'share of recordInteraction requests that retry an answered event id', number('dup-share', 0, 1), 0.25)
  .option('--analytics-share <p>', 'share of all requests that are analytics (transitionMatrix, funnel)', number('analytics-share', 0, 1), 0.02)
  .option('--max-ids <n>', 'users and items discovered through users()/items() (first ids in id order)', integer('max-ids', 1), 2000)
  .option('--seed <n>', 'seed of the request sequence', integer('seed', 0), 1)
  .option('--server-pid <pid>', 'pid of the Node server (default: the process listening on the URL port)', integer('server-pid', 1))
  .option('--jvm-pid <pid>', 'pid of the Neo4j JVM (default: the server\'s child running the neo4j-local launcher)', integer('jvm-pid', 1))
  .option('--max-rss-growth <percent>', 'target: RSS growth from the end of the warm-up to the end', number('max-rss-growth', 0), 10)
  .option('--timeout <seconds>', 'per-request timeout', integer('timeout', 1), 30)
  .option('--json <file>', 'also write the figures as JSON')
  .parse(process.argv)
  .opts<{
    url: string; minutes: number; warmup: number; concurrency: number; header: string[]; token?: string; analyticsToken?: string;
    dupShare: number; analyticsShare: number; maxIds: number; seed: number; serverPid?: number; jvmPid?: number; maxRssGrowth: number;
    timeout: number; json?: string;
  }>();

const log = (msg: string) => process.stderr.write(`[soak] ${msg}\n`);
const baseHeaders: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
for (const h of opts.header) {
  const i = h.indexOf(':');
  baseHeaders[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
}
const headersFor = (kind: Request['kind']): Record<string, string> => {
  const token = kind === 'analytics' ? (opts.analyticsToken ?? opts.token) : opts.token;
  return token !== undefined ? { ...baseHeaders, authorization: `Bearer ${token}` } : baseHeaders;
};

interface GqlBody { data?: Record<string, unknown> | null; errors?: { message?: string; extensions?: { code?: unknown } }[] }

async function post(body: unknown, headers: Record<string, string>): Promise<{ status: number; json: GqlBody | undefined }> {
  const res = await fetch(opts.url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(opts.timeout * 1000) });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) as GqlBody };
  } catch {
    return { status: res.status, json: undefined };
  }
}

/** Ids in id order through the connection fields (first --max-ids). */
async function discover(field: 'users' | 'items'): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < opts.maxIds) {
    const r = await post({ query: `query List${field === 'users' ? 'Users' : 'Items'}($after: String) { ${field}(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, variables: { after } }, headersFor('read'));
    const conn = r.json?.data?.[field] as { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } | undefined;
    if (conn === undefined) throw new Error(`cannot list ${field} (HTTP ${r.status}): ${JSON.stringify(r.json?.errors ?? r.json)}; is the server up, and does the token allow it?`);
    ids.push(...conn.edges.map((e) => e.node.id));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return ids.slice(0, opts.maxIds);
}

const port = Number(new URL(opts.url).port || 80);
const serverPid = opts.serverPid ?? findListeningPid(port);
const jvmPid = opts.jvmPid ?? (serverPid !== undefined ? findJvmChild(serverPid) : undefined);
const rss = () => ({ node: serverPid !== undefined ? rssBytes(serverPid) : undefined, jvm: jvmPid !== undefined ? rssBytes(jvmPid) : undefined });
log(`server pid ${serverPid ?? 'not found'}, Neo4j JVM pid ${jvmPid ?? 'not found (external Neo4j? give --jvm-pid)'}`);

const users = await discover('users');
const items = await discover('items');
if (users.length === 0 || items.length === 0) throw new Error('the graph has no users or items: load data first');
log(`${users.length} users, ${items.length} items`);
const mix = new TrafficMix({ users, items, runId: Date.now().toString(36), dupShare: opts.dupShare, analyticsShare: opts.analyticsShare, seed: opts.seed });

/** Runs the mix until `until` with the configured concurrency; records into `tally`. */
async function drive(until: number, tally: Tally, onTick?: () => void): Promise<void> {
  const worker = async () => {
    while (Date.now() < until) {
      const req = mix.next();
      const t0 = performance.now();
      let status: string;
      let codes: string[] = [];
      try {
        const r = await post(req.body, headersFor(req.kind));
        status = String(r.status);
        codes = (r.json?.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'NONE'));
        if (r.status !== 200 && codes.length === 0) codes = [`HTTP_${r.status}`];
        if (req.event !== undefined && codes.length === 0) {
          const created = (r.json?.data?.['recordInteraction'] as { created?: boolean } | undefined)?.created;
          if (created !== !req.event.retry) tally.idempotencyViolations++;
          if (req.event.retry) tally.duplicatesSent++;
          else mix.answeredEvent(req.event.id, req.event.input);
        }
      } catch (err) {
        const name = err instanceof Error ? err.name : 'Error';
        status = name === 'TimeoutError' ? 'timeout' : 'network';
        codes = [status === 'timeout' ? 'TIMEOUT' : `FETCH_FAILED`];
      }
      tally.record(req.operation, performance.now() - t0, status, codes);
      onTick?.();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
}

const before = rss();
if (opts.warmup > 0) {
  log(`warm-up ${opts.warmup} s`);
  await drive(Date.now() + opts.warmup * 1000, new Tally());
}
const start = rss();
const peak = { node: start.node ?? 0, jvm: start.jvm ?? 0 };
const tally = new Tally();
const t0 = Date.now();
const until = t0 + opts.minutes * 60_000;
let nextReport = t0 + 30_000;
const sampler = setInterval(() => {
  const now = rss();
  peak.node = Math.max(peak.node, now.node ?? 0);
  peak.jvm = Math.max(peak.jvm, now.jvm ?? 0);
}, 5000);
log(`measuring ${opts.minutes} min at concurrency ${opts.concurrency}`);
await drive(until, tally, () => {
  if (Date.now() < nextReport) return;
  nextReport += 30_000;
  const s = (Date.now() - t0) / 1000;
  const now = rss();
  log(`${s.toFixed(0)} s: ${tally.requests} requests (${(tally.requests / s).toFixed(0)}/s), ${tally.failedRequests} failed, RSS node ${mib(now.node)} jvm ${mib(now.jvm)}`);
});
clearInterval(sampler);
const end = rss();
const seconds = (Date.now() - t0) / 1000;

/** The command line for the report, without credentials. */
function redactedArgs(args: readonly string[]): string[] {
  const secret = new Set(['--token', '--analytics-token', '--header']);
  return args.map((a, k) => {
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0 && secret.has(a.slice(0, eq))) return `${a.slice(0, eq)}=<redacted>`;
    return k > 0 && secret.has(args[k - 1] ?? '') ? '<redacted>' : a;
  });
}

function mib(b: number | undefined): string {
  return b === undefined ? 'n/a' : `${(b / 2 ** 20).toFixed(0)} MiB`;
}
const growth = (a: number | undefined, b: number | undefined): number | undefined => (a !== undefined && b !== undefined ? ((b - a) / a) * 100 : undefined);
const pct = (g: number | undefined) => (g === undefined ? 'n/a' : `${g >= 0 ? '+' : ''}${g.toFixed(1)} %`);
const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms.toFixed(1));
const nodeGrowth = growth(start.node, end.node);
const jvmGrowth = growth(start.jvm, end.jvm);
const errors = tally.failedRequests;
const rssOk = [nodeGrowth, jvmGrowth].every((g) => g === undefined || g < opts.maxRssGrowth);
const ok = errors === 0 && tally.idempotencyViolations === 0 && rssOk;
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);

const md = [
  `### Soak: ${opts.minutes} min, concurrency ${opts.concurrency} (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  `\`npm run soak -- ${redactedArgs(process.argv.slice(2)).join(' ')}\` against ${opts.url}; ${machineLine()}; `
    + `${users.length} users, ${items.length} items; warm-up ${opts.warmup} s (not counted).`,
  '',
  '| operation | requests | failed | p50 ms | p99 ms |',
  '|---|---:|---:|---:|---:|',
  ...[...tally.operations].sort((a, b) => b[1].requests - a[1].requests)
    .map(([name, s]) => `| ${name} | ${s.requests} | ${s.errors} | ${fmt(percentile(s.latenciesMs, 50))} | ${fmt(percentile(s.latenciesMs, 99))} |`),
  `| **all** | **${tally.requests}** (${(tally.requests / seconds).toFixed(1)}/s) | **${errors}** | ${fmt(percentile([...tally.operations.values()].flatMap((s) => s.latenciesMs), 50))} | ${fmt(percentile([...tally.operations.values()].flatMap((s) => s.latenciesMs), 99))} |`,
  '',
  `HTTP statuses: ${sorted(tally.statuses).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}. `
    + `Errors by code: ${sorted(tally.errorCodes).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}.`,
  `Event retries sent: ${tally.duplicatesSent}; idempotency violations (a retry created, or a new id not created): ${tally.idempotencyViolations}.`,
  '',
  '| RSS | before traffic | start (after warm-up) | end | peak | growth start -> end |',
  '|---|---:|---:|---:|---:|---:|',
  `| Node server (pid ${serverPid ?? '?'}) | ${mib(before.node)} | ${mib(start.node)} | ${mib(end.node)} | ${mib(peak.node || undefined)} | ${pct(nodeGrowth)} |`,
  `| Neo4j JVM (pid ${jvmPid ?? '?'}) | ${mib(before.jvm)} | ${mib(start.jvm)} | ${mib(end.jvm)} | ${mib(peak.jvm || undefined)} | ${pct(jvmGrowth)} |`,
  '',
  `Targets: 0 errors (${errors === 0 && tally.idempotencyViolations === 0 ? 'met' : 'NOT met'}), RSS growth < ${opts.maxRssGrowth} % (${rssOk ? 'met' : 'NOT met'}).`,
  '',
].join('\n');
process.stdout.write(`${md}\n`);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'soak.md'), md);
if (opts.json !== undefined) {
  writeFileSync(opts.json, JSON.stringify({
    minutes: opts.minutes, concurrency: opts.concurrency, seconds, requests: tally.requests, failed: errors,
    statuses: Object.fromEntries(tally.statuses), errorCodes: Object.fromEntries(tally.errorCodes),
    idempotencyViolations: tally.idempotencyViolations, duplicatesSent: tally.duplicatesSent,
    operations: Object.fromEntries([...tally.operations].map(([k, s]) => [k, { requests: s.requests, failed: s.errors, p50: percentile(s.latenciesMs, 50), p99: percentile(s.latenciesMs, 99) }])),
    rss: { before, start, end, peak, nodeGrowthPercent: nodeGrowth, jvmGrowthPercent: jvmGrowth },
  }, null, 2));
}
process.exit(ok ? 0 : 1);
