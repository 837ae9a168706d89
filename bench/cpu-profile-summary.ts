// Where a V8 CPU profile's busy time goes, by part of the stack (self time of each sampled frame, grouped by
// the package or source folder it belongs to). For the `--cpu-profile` of bench:recs' uncached run.
// Run: npx tsx bench/cpu-profile-summary.ts out.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';

interface Frame { functionName: string; url: string }
interface Profile { nodes: { id: number; callFrame: Frame }[]; samples: number[]; timeDeltas: number[] }

/** The part of the stack a frame belongs to: an npm package, a folder of this repository, or a V8 bucket. */
export function partOf(f: Frame): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url);
  if (pkg !== null) return pkg[1]!;
  const own = /\/(src|bench)\/(.+)\/[^/]+$/.exec(f.url) ?? /\/(src|bench)\/([^/]+)$/.exec(f.url);
  if (own !== null) return `${own[1]}/${own[2]!.split('/').slice(0, 2).join('/')}`;
  if (f.url.startsWith('node:')) return 'node internals';
  return f.functionName === '' ? '(anonymous native)' : f.functionName;
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [--top N]');
const topAt = process.argv.indexOf('--top');
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const frame = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
const byPart = new Map<string, number>();
let busy = 0;
let idle = 0;
p.samples.forEach((id, k) => {
  const dt = p.timeDeltas[k] ?? 0;
  const part = partOf(frame.get(id)!);
  if (part === '(idle)') idle += dt;
  else {
    busy += dt;
    byPart.set(part, (byPart.get(part) ?? 0) + dt);
  }
});
process.stdout.write(`busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms\n\n| part | share of busy |\n|---|---:|\n`);
for (const [part, t] of [...byPart].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`| ${part} | ${((t / busy) * 100).toFixed(1)} % |\n`);
