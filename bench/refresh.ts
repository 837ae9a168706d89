// Serving while the GRAPH model refits: latency of requests sent one after another during a scheduled
// GRAPH refit, with the fit's numeric work in a worker thread (the server's setting) and, for comparison, in the
// main thread. Starts the embedded Neo4j on a throwaway store, writes a synthetic user-item graph with Cypher
// (users x per-user interactions over the items; no events, so the profiles part of a refresh is quick),
// serves the API on a loopback port, and measures `{ health { status } }` and a GRAPH recommendation page
// (served by the old model until the swap) back to back from the start of the refit (reading the graph
// included) until the new model is swapped in.
// Run: npx tsx bench/refresh.ts [-- --users 40000 --per-user 25 --items 20000]. Prints a markdown snippet.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../src/app.ts';
import { DEFAULT_LOOP, loadConfig } from '../src/config.ts';
import { closeHttpServer, createApi, createHttpServer } from '../src/graphql/server.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { applySchema } from '../src/storage/schema.ts';
import { SYSTEM } from '../src/domain/principal.ts';
import { benchAuth } from './bench-auth.ts';

const opts = new Command('bench:refresh')
  .option('--users <n>', 'users', (v) => Number(v), 40_000)
  .option('--per-user <n>', 'interactions per user', (v) => Number(v), 25)
  .option('--items <n>', 'items', (v) => Number(v), 20_000)
  .parse(process.argv)
  .opts<{ users: number; perUser: number; items: number }>();

const log = (msg: string) => process.stderr.write(`[bench:refresh] ${msg}\n`);
const cfg = loadConfig();
const storeDir = mkdtempSync(join(tmpdir(), 'grec-bench-refresh-'));
// Reading a million edges for the fit can outlast the server's 30 s transaction timeout on a busy machine.
const graph = await connectGraph({ ...cfg.neo4j, uri: undefined, timeouts: { ...cfg.neo4j.timeouts, txMs: 600_000 } }, log, { storeDir, port: 0 });

interface Run { mode: string; fitMs: number; refreshMs: number; health: number[]; recs: number[]; stall: number }

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

try {
  await applySchema(graph.executor);
  const t0 = Date.now();
  await graph.executor.write('UNWIND range(0, $n - 1) AS k CREATE (:User {id: "u" + k})', { n: opts.users });
  await graph.executor.write('UNWIND range(0, $n - 1) AS k CREATE (:Item {id: "i" + k, price: 10.0})', { n: opts.items });
  for (let from = 0; from < opts.users; from += 2000) {
    await graph.executor.write(`
      UNWIND range($from, $to) AS u
      MATCH (a:User {id: "u" + u})
      UNWIND range(0, $k - 1) AS j
      MATCH (b:Item {id: "i" + ((u * 7919 + j * 104729 + (u % 97) * j * j) % $items)})
      CREATE (a)-[:INTERACTED {weight: 1.0 + (u + j) % 5}]->(b)`,
    { from, to: Math.min(opts.users, from + 2000) - 1, k: opts.perUser, items: opts.items });
  }
  log(`graph written: ${opts.users} users, ${opts.items} items, ${opts.users * opts.perUser} edges in ${Date.now() - t0} ms`);

  const runs: Run[] = [];
  for (const [mode, min] of [['worker thread', 0], ['main thread', Number.MAX_SAFE_INTEGER], ['worker thread', 0]] as const) {
    const services = createServices(graph, undefined, undefined, { ...DEFAULT_LOOP, fitWorkerMinInteractions: min }, pino({ level: 'warn' }));
    const { auth, bearer } = benchAuth(graph, cfg.auth);
    const authorization = bearer('service');
    const api = createApi({ services, auth, resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }), graphiql: false });
    const server = createHttpServer(api, services);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const post = async (query: string, variables: Record<string, unknown> = {}): Promise<number> => {
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
      return performance.now() - t;
    };
    const recs = (k: number) => post('query($u: ID!) { recommendations(userId: $u, strategy: GRAPH, first: 10) { edges { node { item { id } } } } }', { u: `u${k}` });
    await recs(0); // the first fit (lazy), then warm-up
    for (let k = 1; k < 200; k++) {
      await recs(k);
      await post('{ health { status } }');
    }
    const run: Run = { mode, fitMs: 0, refreshMs: 0, health: [], recs: [], stall: 0 };
    // The longest the event loop went without running a 5 ms timer: how long this thread was held.
    let last = performance.now();
    const lag = setInterval(() => {
      const t = performance.now();
      run.stall = Math.max(run.stall, t - last);
      last = t;
    }, 5);
    // The GRAPH part of a scheduled refresh (what RefreshScheduler's graph job runs): read, fit, swap.
    const t = performance.now();
    let done = false;
    const refit = services.recs.refreshGraphModel(SYSTEM, false).finally(() => {
      done = true;
    });
    let k = 1000;
    while (!done) {
      run.health.push(await post('{ health { status } }'));
      if (done) break;
      run.recs.push(await recs(k++));
    }
    await refit;
    clearInterval(lag);
    run.refreshMs = performance.now() - t;
    run.fitMs = services.recs.graph.lastFit()?.fitMs ?? Number.NaN;
    runs.push(run);
    log(`${mode}: fit ${run.fitMs.toFixed(0)} ms; ${run.health.length + run.recs.length} requests during the refresh`);
    await closeHttpServer(server, 1000);
  }
  const row = (r: Run) =>
    `| ${r.mode} | ${r.fitMs.toFixed(0)} | ${r.refreshMs.toFixed(0)} | ${r.stall.toFixed(0)} | ${r.health.length} | ${pct(r.health, 0.5).toFixed(1)} | ${Math.max(...r.health).toFixed(0)} | ${r.recs.length} | ${pct(r.recs, 0.5).toFixed(1)} | ${Math.max(...r.recs).toFixed(0)} |`;
  process.stdout.write([
    `### Serving during a GRAPH refit (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Synthetic graph: ${opts.users} users, ${opts.items} items, ${opts.users * opts.perUser} user-item edges; ${cpus().length} CPUs shared with Neo4j.`,
    'Requests sent one after another from the start of a GRAPH refit (graph read, fit, swap) until the swap.',
    '',
    '| fit in | fit ms | refit ms (read + fit + swap) | longest event-loop stall ms | health requests | p50 ms | max ms | GRAPH pages | p50 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(row),
    '',
  ].join('\n'));
} finally {
  await graph.close();
  rmSync(storeDir, { recursive: true, force: true });
}
