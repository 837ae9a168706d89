// Forecast backtest command (docs/forecast-backtest.md):
//   npx tsx src/eval/forecast/main.ts [--source both|taobao|demo] [--horizon 14] [--origins 4] [--top 20] ...
// Rolling-origin comparison of Holt-Winters (forecastDaily) against seasonal naive by MASE and sMAPE, on
// hourly Taobao category series (m = 24) and daily demo-shop category series (m = 7). Reads files and the
// generator directly (no database); prints a markdown table and writes it, with the command and the machine,
// to the --out file.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EVENT_TYPES, type EventType } from '../../domain/events.ts';
import { createDemoSource, demoPreset } from '../../sources/demo/demo-source.ts';
import { DEMO_PRESETS, type DemoPreset } from '../../sources/demo/demo-options.ts';
import { DatasetMissingError } from '../datasets/files.ts';
import { rollingOriginBacktest } from './backtest.ts';
import { demoSeries } from './demo-series.ts';
import { backtestDoc } from './report-doc.ts';
import { backtestNotes, backtestTable, type SourceReport } from './report.ts';
import { taobaoSeries } from './taobao-series.ts';

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

const program = new Command()
  .name('eval:forecast')
  .description(
    'Rolling-origin backtest of the demand forecast: Holt-Winters (damped or not by AIC) vs seasonal naive, by MASE, RMSSE and sMAPE.\n' +
      'Taobao: hourly counts per category over its 9 days, daily season m = 24. Demo shop: daily counts per category, weekly season m = 7.',
  )
  .addOption(new Option('--source <name>', 'series source').choices(['both', 'taobao', 'demo']).default('both'))
  .option('--horizon <days>', 'demo forecast horizon in days', positiveInt, 14)
  .option('--taobao-horizon <hours>', 'Taobao forecast horizon in hours', positiveInt, 24)
  .option('--origins <n>', 'forecast origins per series, one horizon apart, the latest ending at the last observation', positiveInt, 4)
  .option('--top <n>', 'categories per source, by event volume', positiveInt, 20)
  .addOption(new Option('--taobao-behaviour <type>', 'Taobao event type counted (purchase = buy)').choices(EVENT_TYPES).default('purchase'))
  .addOption(new Option('--demo-behaviour <type>', 'demo event type counted').choices(EVENT_TYPES).default('purchase'))
  .option('--max-rows <n>', 'read at most this many Taobao lines', positiveInt, 10_000_000)
  .addOption(new Option('--demo-preset <name>', 'demo generator preset').choices(Object.keys(DEMO_PRESETS)).default('small'))
  .option('--demo-days <n>', 'keep only the first n days of the demo period (default: all)', positiveInt)
  .option('--demo-seed <n>', 'demo generator seed (default: the preset\'s)', (v) => Number(v))
  .addOption(new Option('--damped <mode>', 'trend damping: auto (by AIC), yes or no').choices(['auto', 'yes', 'no']).default('auto'))
  .option('--data-dir <dir>', 'data directory', process.env['GREC_DATA_DIR'] ?? '../shared/data')
  .option('--out <file>', 'markdown report to write', 'docs/forecast-backtest.md')
  .option('--no-write', 'print only, do not write the report');

program.parse();
const o = program.opts<{
  source: 'both' | 'taobao' | 'demo';
  horizon: number;
  taobaoHorizon: number;
  origins: number;
  top: number;
  taobaoBehaviour: EventType;
  demoBehaviour: EventType;
  maxRows: number;
  demoPreset: DemoPreset;
  demoSeed?: number;
  demoDays?: number;
  damped: 'auto' | 'yes' | 'no';
  dataDir: string;
  out: string;
  write: boolean;
}>();

const damped = o.damped === 'auto' ? {} : { damped: o.damped === 'yes' };
const reports: SourceReport[] = [];
const sourceLines: string[] = [];

if (o.source !== 'demo') {
  try {
    const tb = await taobaoSeries({ dataDir: resolve(o.dataDir), behaviour: o.taobaoBehaviour, top: o.top, maxRows: o.maxRows });
    const lengths = tb.series.map((s) => s.values.length);
    sourceLines.push(
      `- Taobao: ${tb.linesRead} lines read, ${tb.eventsInWindow} ${o.taobaoBehaviour} events in the 9 days from ${tb.startDay}; ` +
        `top ${tb.series.length} categories, ${lengths[0] ?? 0} hourly counts each; events per series ${tb.series.map((s) => s.values.reduce((a, b) => a + b, 0)).join(', ')}.`,
    );
    const result = rollingOriginBacktest(tb.series, { horizon: o.taobaoHorizon, origins: o.origins, seasonLength: 24, ...damped });
    reports.push({ label: `Taobao ${o.taobaoBehaviour}, hourly`, unit: 'hour', seasonLength: 24, horizon: o.taobaoHorizon, origins: o.origins, result });
  } catch (e) {
    if (!(e instanceof DatasetMissingError)) throw e;
    console.error(`${e.message}\n  (Taobao skipped)`);
    sourceLines.push('- Taobao: skipped, data file not found.');
  }
}

if (o.source !== 'taobao') {
  const options = demoPreset(o.demoPreset, o.demoSeed === undefined ? {} : { seed: o.demoSeed });
  const demo = await demoSeries(createDemoSource(options), o.demoBehaviour, o.top, o.demoDays);
  sourceLines.push(
    `- Demo shop: preset ${o.demoPreset} (${JSON.stringify(options)}), ${demo.events} ${o.demoBehaviour} events in the top categories over ${demo.days} days from ${demo.startDay}; ` +
      `top ${demo.series.length} categories; events per series ${demo.series.map((s) => s.values.reduce((a, b) => a + b, 0)).join(', ')}.`,
  );
  const result = rollingOriginBacktest(demo.series, { horizon: o.horizon, origins: o.origins, seasonLength: 7, ...damped });
  reports.push({ label: `demo ${o.demoBehaviour}, daily`, unit: 'day', seasonLength: 7, horizon: o.horizon, origins: o.origins, result });
}

const table = backtestTable(reports);
const notes = backtestNotes(reports);
console.log(`${table}\n\n${[...sourceLines, ...notes].join('\n')}`);
if (o.write) {
  const machine = `nproc ${execSync('nproc').toString().trim()}; ${execSync('uname -srm').toString().trim()}; Node ${process.version}`;
  const command = `npx tsx src/eval/forecast/main.ts ${process.argv.slice(2).join(' ')}`.trim();
  writeFileSync(o.out, backtestDoc({ command, date: new Date().toISOString(), machine, table, sourceLines, notes }));
  console.error(`wrote ${o.out}`);
}
