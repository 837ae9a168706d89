// Customer-understanding benchmark (issue 8). Loads the `large` demo preset (or --users/--events) into a
// fresh embedded Neo4j (throwaway store in a temp dir), then, in the same run:
//  - the profiles run as `grec features` runs it (runProfiles: read every user's events in batches,
//    behaviour/interest/social/value features, BG/NBD + Gamma-Gamma fits, write back): time and users/s,
//    against the time the load of the same shop took;
//  - segment membership refresh (every RFM segment plus two rule segments) and one clustering (k 2..6);
//  - userProfile over the GraphQL API (yoga.fetch, analyst token) for distinct users: p50/p99, against
//    `user(id)` for the same users in the same run (the plain lookup every page already makes).
// Run: npm run bench:features -- [--preset large] [--calls 2000] [--concurrency 8]
// Prints a markdown snippet and writes it to bench/out/features.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../src/app.ts';
import { SYSTEM } from '../src/domain/principal.ts';
import { loadConfig } from '../src/config.ts';
import { createApi } from '../src/graphql/server.ts';
import { createDemoSource, demoPreset } from '../src/sources/demo/demo-source.ts';
import type { DemoPreset } from '../src/sources/demo/demo-options.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { GraphWriter } from '../src/storage/graph-writer.ts';
import { ProfileStore } from '../src/storage/profile-store.ts';
import { applySchema } from '../src/storage/schema.ts';
import { DEFAULT_PROFILES_OPTIONS, runProfiles } from '../src/usecases/customers/profiles-job.ts';
import { ingestSource } from '../src/usecases/ingest/ingest-source.ts';
import { benchAuth } from './bench-auth.ts';
import { machineLine } from './machine.ts';

const here = dirname(fileURLToPath(import.meta.url));
const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const PRESET = (argOf('preset') ?? 'large') as DemoPreset;
const CALLS = Number(argOf('calls') ?? 2000);
const CONCURRENCY = Number(argOf('concurrency') ?? 8);
const log = (msg: string) => process.stderr.write(`[bench:features] ${msg}\n`);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const quantileOf = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * q))] ?? 0;
};

async function main(): Promise<void> {
  const cfg = loadConfig();
  const storeDir = mkdtempSync(join(tmpdir(), 'grec-bench-features-'));
  const started = Date.now();
  const graph = await connectGraph({ ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, heap: '4g', pageCache: '2g' } }, log, { storeDir, port: 0 });
  try {
    await applySchema(graph.executor);
    const options = demoPreset(PRESET);
    let t = performance.now();
    const load = await ingestSource(createDemoSource(options), new GraphWriter(graph.executor), { batchSize: 20_000 });
    const loadMs = performance.now() - t;
    const events = load.kinds.event?.written ?? 0;
    log(`loaded ${events} events for ${options.users} users in ${fmt(loadMs)}`);

    const services = createServices(graph);
    const store = new ProfileStore(graph.executor);
    t = performance.now();
    const profiles = await runProfiles(store, { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now(), onProgress: (n) => { if (n % 10_000 === 0) log(`profiles: ${n} users`); } });
    const profilesMs = performance.now() - t;
    log(`profiles: ${profiles.users} users in ${fmt(profilesMs)}`);

    // Two rule segments besides the RFM ones, then the refresh the profiles run ends with.
    await services.segments.define(SYSTEM, { name: 'Lapsing big spenders', rule: { all: [{ feature: 'rfmM', op: 'gte', value: 4 }, { feature: 'recencyDays', op: 'gt', value: 30 }] } });
    await services.segments.define(SYSTEM, { name: 'Cart abandoners', rule: { all: [{ feature: 'carts', op: 'gte', value: 3 }, { feature: 'cartToPurchaseRate', op: 'lt', value: 0.3 }] } });
    t = performance.now();
    const refreshed = await services.segments.refreshAll();
    const refreshMs = performance.now() - t;
    const memberships = refreshed.reduce((a, s) => a + s.size, 0);
    t = performance.now();
    const clustering = await services.segments.cluster(SYSTEM, { minK: 2, maxK: 6, seed: 42 });
    const clusterMs = performance.now() - t;
    log(`segments: ${refreshed.length} refreshed (${memberships} memberships) in ${fmt(refreshMs)}; clustering k=${clustering.k} in ${fmt(clusterMs)}`);

    const { auth, bearer } = benchAuth(graph, cfg.auth);
    const authorization = bearer('analyst');
    const api = createApi({ services, auth, resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
    const call = async (query: string, id: string): Promise<void> => {
      const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables: { id } }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
    };
    const PROFILE = 'query($id: ID!) { userProfile(userId: $id) { behaviour { recencyDays frequency monetary sessions cartToPurchaseRate } interest { categories { category { id } score } } social { influence } value { pAlive clv rfm { segment } } segments { id } } }';
    const USER = 'query($id: ID!) { user(id: $id) { id name age gender location } }';
    const measure = async (query: string, offset: number): Promise<number[]> => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < CALLS) {
          const k = next++;
          const id = `u${1 + ((offset + k * 7919) % options.users)}`;
          const s = performance.now();
          await call(query, id);
          latencies.push(performance.now() - s);
        }
      }));
      return latencies;
    };
    await measure(USER, 1); // warm-up of both
    await measure(PROFILE, 1);
    const user = await measure(USER, 3);
    const profile = await measure(PROFILE, 3);

    const md = [
      `### Customer understanding (${new Date().toISOString().slice(0, 10)})`,
      '',
      `\`npm run bench:features -- --preset ${PRESET}\`: ${options.users.toLocaleString('en-US')} users, ${events.toLocaleString('en-US')} events (demo preset ${PRESET}, seed ${options.seed}), ` +
        `embedded Neo4j 5.26 (4 GB heap, 2 GB page cache), ${machineLine()}.`,
      '',
      '| step | time | rate | baseline in the same run | ratio |',
      '|---|---|---|---|---|',
      `| profiles run (\`grec features\` without segments) | ${fmt(profilesMs)} | ${Math.round(profiles.users / (profilesMs / 1000)).toLocaleString('en-US')} users/s | loading the same shop: ${fmt(loadMs)} | ${(profilesMs / loadMs).toFixed(2)}x |`,
      `| segment refresh (${refreshed.length} segments, ${memberships.toLocaleString('en-US')} memberships) | ${fmt(refreshMs)} | ${Math.round(memberships / (refreshMs / 1000)).toLocaleString('en-US')} memberships/s | | |`,
      `| clustering (k 2..6 by silhouette, chose k=${clustering.k}, silhouette ${clustering.silhouette.toFixed(3)}) | ${fmt(clusterMs)} | | | |`,
      `| userProfile over GraphQL, p50 / p99 (${CALLS} distinct users, concurrency ${CONCURRENCY}) | ${fmt(quantileOf(profile, 0.5))} / ${fmt(quantileOf(profile, 0.99))} | | user(id) p50 / p99: ${fmt(quantileOf(user, 0.5))} / ${fmt(quantileOf(user, 0.99))} | ${(quantileOf(profile, 0.5) / quantileOf(user, 0.5)).toFixed(2)}x |`,
      '',
      `Value model: ${profiles.valueModel.bgNbd === null ? 'not fitted' : `BG/NBD r=${profiles.valueModel.bgNbd.r.toFixed(3)} alpha=${profiles.valueModel.bgNbd.alpha.toFixed(3)} a=${profiles.valueModel.bgNbd.a.toFixed(3)} b=${profiles.valueModel.bgNbd.b.toFixed(3)} on ${profiles.valueModel.buyers} buyers`}. Total bench time ${fmt(Date.now() - started)}.`,
      '',
    ].join('\n');
    process.stdout.write(`${md}\n`);
    mkdirSync(join(here, 'out'), { recursive: true });
    writeFileSync(join(here, 'out', 'features.md'), md);
  } finally {
    await graph.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

await main();
