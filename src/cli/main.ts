import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { isAppError } from '../domain/errors.ts';
import { graphCounts, wipeGraph } from '../storage/admin.ts';
import { GraphWriter } from '../storage/graph-writer.ts';
import { ensureBuilt, moduleLayout } from '../storage/local-neo4j/build.ts';
import { formatReport } from '../usecases/ingest/ingest-report.ts';
import { ingestSource } from '../usecases/ingest/ingest-source.ts';
import { createProgress } from '../usecases/ingest/progress.ts';
import { sourceFromArgs, type LoadArgs } from './source-from-args.ts';
import { withGraph } from './with-graph.ts';
import { loadGraph } from './load-graph.ts';
import { ROLES, SYSTEM, type Role } from '../domain/principal.ts';
import { ApiKeyStore } from '../storage/api-key-store.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../usecases/access/api-keys.ts';
import { signToken } from '../usecases/access/sign-token.ts';
import { userIdCodec } from '../usecases/privacy/user-id-codec.ts';
import { ProfileStore } from '../storage/profile-store.ts';
import { SegmentStore } from '../storage/segment-store.ts';
import { CatalogStore } from '../storage/catalog-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../usecases/customers/profiles-job.ts';
import { SegmentService } from '../usecases/customers/segment-service.ts';
import { formatCustomerReport, refreshCustomers } from '../usecases/customers/refresh-customers.ts';
import { invalidInput } from '../domain/errors.ts';
import { ApiClient } from '../simulate/api-client.ts';
import { PlantedShoppers } from '../simulate/shopper-model.ts';
import { playScenario, sameCounts, summarise } from '../simulate/scenarios.ts';
import { storeShoppers } from '../simulate/shoppers-online.ts';
import { demoPreset } from '../sources/demo/demo-source.ts';
import { generateSocialShop, SOCIAL_SHOP_PRESETS, socialShopPreset, writeSocialShop } from '../sources/index.ts';

const program = new Command('grec')
  .description('Graph recommender admin: load data sets into Neo4j, show counts, wipe.\n'
    + 'Uses the embedded Neo4j store (GREC_STORE_DIR, default .data/neo4j) unless NEO4J_URI is set.\n'
    + 'While `npm start` runs, point the CLI at it: NEO4J_URI=bolt://127.0.0.1:7687 grec counts')
  .showHelpAfterError();

program.command('load')
  .description('Load a data set (idempotent: loading it again adds nothing)')
  .argument('<dataset>', 'demo | lastfm | taobao | generic')
  .option('--preset <name>', 'demo size: tiny | small | large')
  .option('--seed <n>', 'demo seed')
  .option('--events <n>', 'demo: number of events')
  .option('--users <n>', 'demo: number of users')
  .option('--items <n>', 'demo: number of items')
  .option('--dir <path>', 'lastfm / generic: data folder')
  .option('--file <path>', 'taobao: the CSV file')
  .option('--map <table.column=fileColumn...>', 'generic: column mapping, repeatable (e.g. interactions.userId=customer)')
  .addOption(new Option('--batch-size <n>', 'rows per transaction').default('10000'))
  .option('--no-bulk', 'never use the bulk importer (by default an empty embedded store is loaded with neo4j-admin import)')
  .option('--json', 'print the report as JSON')
  .action(async (dataset: string, opts: LoadArgs & { batchSize: string; bulk: boolean; json?: boolean }) => {
    const config = loadConfig();
    const source = sourceFromArgs(dataset, opts, config);
    const progress = createProgress(`load ${dataset}`);
    const { report } = await loadGraph(config, source, {
      path: opts.bulk ? 'auto' : 'batched', schema: 'next-start',
      batchSize: Number(opts.batchSize), onProgress: progress.update, userIds: userIdCodec(config.privacy),
    }, (m) => process.stderr.write(`${m}\n`));
    progress.stop();
    process.stdout.write(opts.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  });

program.command('features')
  .description('Recompute every customer profile (behaviour, interest, social, churn and value features),\n'
    + 'refresh the RFM and rule segments, and optionally cluster the customers again')
  .addOption(new Option('--batch-size <n>', 'users per read/write batch').default(String(DEFAULT_PROFILES_OPTIONS.batchSize)))
  .option('--as-of <time>', 'reference time, ISO-8601 (default: the latest event in the graph)')
  .addOption(new Option('--session-gap <minutes>', 'a longer gap starts a new session').default(String(DEFAULT_PROFILES_OPTIONS.sessionGapMinutes)))
  .addOption(new Option('--half-life <days>', 'interest affinities halve every this many days').default(String(DEFAULT_PROFILES_OPTIONS.interestHalfLifeDays)))
  .addOption(new Option('--clv-horizon <days>', 'customer lifetime value horizon').default(String(DEFAULT_PROFILES_OPTIONS.clvHorizonDays)))
  .addOption(new Option('--discount <rate>', 'monthly discount rate of CLV').default(String(DEFAULT_PROFILES_OPTIONS.discountRatePerMonth)))
  .option('--cluster', 'also cluster the customers (k-means++, k by silhouette) and save the clusters as segments')
  .addOption(new Option('--min-k <n>', 'smallest k tried').default('2'))
  .addOption(new Option('--max-k <n>', 'largest k tried').default('8'))
  .addOption(new Option('--seed <n>', 'clustering seed').default('42'))
  .option('--json', 'print the report as JSON')
  .action(async (opts: {
    batchSize: string; asOf?: string; sessionGap: string; halfLife: string; clvHorizon: string; discount: string;
    cluster?: boolean; minK: string; maxK: string; seed: string; json?: boolean;
  }) => {
    const config = loadConfig();
    const asOf = opts.asOf === undefined ? undefined : Date.parse(opts.asOf);
    if (asOf !== undefined && Number.isNaN(asOf)) throw invalidInput(`--as-of must be an ISO-8601 time, got '${opts.asOf}'`, { field: '--as-of' });
    const num = (v: string, flag: string, min: number): number => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < min) throw invalidInput(`${flag} must be a number >= ${min}, got '${v}'`, { field: flag });
      return n;
    };
    const report = await withGraph(config, async (g) => {
      const store = new ProfileStore(g.executor, config.privacy.consentDefaults);
      const catalog = new CatalogStore(g.executor);
      const segments = new SegmentService(new SegmentStore(g.executor), store, () => Date.now(), (ids) => catalog.categoryNames(ids));
      const progress = createProgress('features', process.stderr, 'users');
      const r = await refreshCustomers(store, segments, {
        batchSize: Math.floor(num(opts.batchSize, '--batch-size', 1)),
        sessionGapMinutes: num(opts.sessionGap, '--session-gap', 1),
        interestHalfLifeDays: num(opts.halfLife, '--half-life', 0.01),
        topInterests: DEFAULT_PROFILES_OPTIONS.topInterests,
        clvHorizonDays: num(opts.clvHorizon, '--clv-horizon', 1),
        discountRatePerMonth: num(opts.discount, '--discount', 0),
        ...(asOf !== undefined ? { asOf } : {}),
        now: () => Date.now(),
        onProgress: (n) => progress.update(n, undefined),
        cluster: opts.cluster === true ? { minK: num(opts.minK, '--min-k', 2), maxK: num(opts.maxK, '--max-k', 2), seed: num(opts.seed, '--seed', 0) } : null,
      });
      progress.stop();
      return r;
    });
    process.stdout.write(opts.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatCustomerReport(report)}\n`);
  });

program.command('generate')
  .description('Write a generated data set as generic-format files (load it with `grec load generic --dir <out>`)')
  .argument('<kind>', 'social-shop: a sparse review shop with 1-5 star ratings and directed trust (Epinions/Ciao-like)')
  .requiredOption('--out <dir>', 'folder to write users.csv, items.csv, interactions.csv, social.csv into')
  .addOption(new Option('--preset <name>', 'size').choices(Object.keys(SOCIAL_SHOP_PRESETS)).default('ciao'))
  .option('--seed <n>', 'generator seed (default: the preset\'s)')
  .action(async (kind: string, opts: { out: string; preset: string; seed?: string }) => {
    if (kind !== 'social-shop') throw invalidInput(`unknown generator '${kind}' (one of social-shop)`);
    const seed = opts.seed === undefined ? undefined : Number(opts.seed);
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw invalidInput(`--seed must be an integer, got '${opts.seed}'`, { field: '--seed' });
    const shop = generateSocialShop(socialShopPreset(opts.preset, seed === undefined ? {} : { seed }));
    const { rows } = await writeSocialShop(shop, opts.out);
    process.stdout.write(`wrote ${Object.entries(rows).map(([f, n]) => `${f} ${n}`).join(', ')} rows to ${opts.out}\n`);
  });

program.command('counts')
  .description('Node and relationship counts by label / type')
  .option('--json', 'print as JSON')
  .action(async (opts: { json?: boolean }) => {
    const counts = await withGraph(loadConfig(), (g) => graphCounts(g.executor));
    if (opts.json === true) process.stdout.write(`${JSON.stringify(counts)}\n`);
    else for (const [k, v] of Object.entries(counts)) process.stdout.write(`${k.padEnd(12)} ${v}\n`);
  });

program.command('wipe')
  .description('Delete all nodes and relationships (keeps constraints and indexes)')
  .option('--yes', 'confirm')
  .action(async (opts: { yes?: boolean }) => {
    if (opts.yes !== true) throw new Error('refusing to wipe without --yes');
    await withGraph(loadConfig(), (g) => wipeGraph(g.executor));
    process.stdout.write('wiped\n');
  });

program.command('schema')
  .description('Apply cypher/schema/*.cypher (idempotent; also done at every start)')
  .action(async () => {
    await withGraph(loadConfig(), async () => undefined);
    process.stdout.write('schema applied\n');
  });

const keys = program.command('keys')
  .description('API keys for backend services: X-API-Key header; stored only as a SHA-256 hash.\n'
    + 'The CLI acts as the operator (admin): whoever can open the store can manage its keys.');

keys.command('create')
  .description('Create a key and print it once (it cannot be shown again)')
  .requiredOption('--name <name>', 'who uses it, e.g. "shop backend"')
  .addOption(new Option('--role <role>', 'what it may do').choices(['service', 'analyst', 'admin']).default('service'))
  .action(async (opts: { name: string; role: string }) => {
    const created = await withGraph(loadConfig(), (g) => createApiKey(SYSTEM, opts, new ApiKeyStore(g.executor), Date.now()));
    process.stdout.write(`created ${created.id} (${created.role}). Send it as the header  X-API-Key: ${created.key}\n`);
  });

keys.command('list')
  .description('Every key: id, name, role, created, revoked (never the key itself)')
  .option('--json', 'print as JSON')
  .action(async (opts: { json?: boolean }) => {
    const list = await withGraph(loadConfig(), (g) => listApiKeys(SYSTEM, new ApiKeyStore(g.executor)));
    if (opts.json === true) process.stdout.write(`${JSON.stringify(list)}\n`);
    else for (const k of list) {
      const revoked = k.revokedAt === null ? '' : `  revoked ${new Date(k.revokedAt).toISOString()}`;
      process.stdout.write(`${k.id}  ${k.role.padEnd(8)} ${k.name}  created ${new Date(k.createdAt).toISOString()}${revoked}\n`);
    }
  });

keys.command('revoke')
  .description('Revoke a key (takes effect within GREC_API_KEY_CACHE_MS on running servers)')
  .argument('<id>', 'the key id, e.g. k-3f9a1c2b')
  .action(async (id: string) => {
    await withGraph(loadConfig(), (g) => revokeApiKey(SYSTEM, id, new ApiKeyStore(g.executor), Date.now()));
    process.stdout.write(`revoked ${id}\n`);
  });

program.command('token')
  .description('Sign a token with GREC_JWT_SECRET (HS256), e.g. for an operator or a test client')
  .addOption(new Option('--role <role>', 'the role claim').choices([...ROLES]).makeOptionMandatory())
  .requiredOption('--sub <subject>', 'the user id for a shopper; a name otherwise')
  .addOption(new Option('--ttl-hours <n>', 'validity in hours').default('12'))
  .action((opts: { role: Role; sub: string; ttlHours: string }) => {
    const { auth } = loadConfig();
    if (auth.jwtSecret === undefined) throw new Error('set GREC_JWT_SECRET (the server\'s secret) to sign tokens; with a JWKS identity provider, tokens come from it');
    const ttlSeconds = Math.round(Number(opts.ttlHours) * 3600);
    process.stdout.write(`${signToken({ role: opts.role, subject: opts.sub, ttlSeconds }, { secret: auth.jwtSecret, ...auth })}\n`);
  });

program.command('simulate')
  .description('Play simulated shoppers of the demo shop against a running API (npm start): per run, create an\n'
    + 'experiment (control vs treatment strategy), serve, render, click and buy with the planted probabilities,\n'
    + 'read experimentResults, stop the experiment. Needs an admin token and a service token (npm start prints both):\n'
    + 'pages asked for by staff are previews that assign nobody, so shoppers\' pages are served as a shop backend would.')
  .option('--url <url>', 'the GraphQL endpoint', 'http://localhost:4000/graphql')
  .option('--token <jwt>', 'admin token (default: $GREC_TOKEN)')
  .option('--service-token <jwt>', 'service token the shoppers\' pages are served with (default: $GREC_SERVICE_TOKEN)')
  .option('--control <strategy>', 'strategy of the control', 'POPULAR')
  .option('--treatment <strategy>', 'strategy of the treatment', 'HYBRID')
  .addOption(new Option('--runs <n>', 'experiments to run one after another').default('1'))
  .addOption(new Option('--skew <share>', 'share of the treatment lost before reaching the API (a broken split)').default('0'))
  .addOption(new Option('--preset <name>', 'the demo preset the store was loaded with (the planted truth)').choices(['tiny', 'small', 'large']).default('small'))
  .addOption(new Option('--seed <n>', 'the demo seed the store was loaded with').default('42'))
  .addOption(new Option('--concurrency <n>', 'shoppers in flight').default('8'))
  .addOption(new Option('--page-size <n>', 'items per page').default('10'))
  .option('--json', 'print every run as JSON')
  .action(async (o: { url: string; token?: string; serviceToken?: string; control: string; treatment: string; runs: string; skew: string; preset: 'tiny' | 'small' | 'large'; seed: string; concurrency: string; pageSize: string; json?: boolean }) => {
    const token = o.token ?? process.env['GREC_TOKEN'];
    if (token === undefined || token === '') throw invalidInput('an admin token is needed: --token <jwt> or GREC_TOKEN (npm start prints one)', { field: 'token' });
    const serviceToken = o.serviceToken ?? process.env['GREC_SERVICE_TOKEN'];
    if (serviceToken === undefined || serviceToken === '') throw invalidInput('a service token is needed: --service-token <jwt> or GREC_SERVICE_TOKEN (npm start prints one)', { field: 'service-token' });
    const number = (name: string, v: string, min: number, max: number) => {
      const n = Number(v);
      if (!(Number.isFinite(n) && n >= min && n <= max)) throw invalidInput(`--${name} must be a number in [${min}, ${max}], got '${v}'`, { field: name });
      return n;
    };
    const runs = number('runs', o.runs, 1, 10_000);
    const client = {
      staff: new ApiClient(o.url, `Bearer ${token.replace(/^Bearer /, '')}`),
      frontend: new ApiClient(o.url, `Bearer ${serviceToken.replace(/^Bearer /, '')}`),
    };
    const shoppers = new PlantedShoppers(demoPreset(o.preset, { seed: number('seed', o.seed, 0, 0xffffffff) }));
    const store = await storeShoppers(client.staff);
    const seed = Date.now() % 1_000_000;
    const outcomes = await playScenario(client, shoppers, {
      name: `${o.control} vs ${o.treatment}`, control: o.control, treatment: o.treatment, runs, dropTreatment: number('skew', o.skew, 0, 0.99),
    }, {
      shoppers: store.ids, counted: store.analytics, pageSize: number('page-size', o.pageSize, 1, 100), concurrency: number('concurrency', o.concurrency, 1, 64),
      confidence: 0.95, plannedBaselineRate: 0.2, seed, keyPrefix: `sim${seed}`,
    }, (r, k) => {
      const l = r.lift;
      process.stderr.write(`run ${k + 1}/${runs} (${r.key}): ${r.played} shoppers, true difference ${r.truth.difference.toFixed(4)}, `
        + `estimate ${l === null ? 'n/a' : `${l.difference.toFixed(4)} [${l.lower.toFixed(4)}, ${l.upper.toFixed(4)}] p=${l.pValue.toPrecision(3)}`}, `
        + `SRM ${r.srm?.mismatch === true ? 'FLAGGED' : 'ok'}, counts ${sameCounts(r) ? 'equal' : 'DIFFER'}\n`);
    });
    process.stdout.write(o.json === true ? `${JSON.stringify(outcomes, null, 2)}\n` : `${JSON.stringify(summarise(outcomes), null, 2)}\n`);
  });

program.command('neo4j-build')
  .description('Build the embedded Neo4j launcher (neo4j-local/) if out of date')
  .action(() => {
    const config = loadConfig();
    ensureBuilt(moduleLayout(config.neo4j.local.moduleDir), config.neo4j.local.javaBin, (m) => process.stderr.write(`${m}\n`));
    process.stdout.write('neo4j-local is built\n');
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  const where = isAppError(err) ? ` [${err.code}]` : '';
  process.stderr.write(`grec${where}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
