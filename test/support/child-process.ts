import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

/**
 * Child processes for fault tests: spawned with a clean environment for the embedded store (no NEO4J_URI
 * unless given), their output collected, and killed (SIGKILL, with their descendants) by `killAll` in
 * afterAll even when a test failed half-way.
 */
export class Children {
  private readonly spawned: ChildProcess[] = [];

  /** `node [--import tsx] script args` in the project root. */
  spawnNode(script: string, args: readonly string[], env: Record<string, string>, opts: { tsx?: boolean } = {}): Child {
    const base: Record<string, string | undefined> = { ...process.env };
    delete base['NEO4J_URI'];
    const child = spawn(process.execPath, [...(opts.tsx === true ? ['--import', 'tsx'] : []), join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...base, LOG_LEVEL: 'info', GREC_NEO4J_HEAP: '384m', GREC_NEO4J_PAGECACHE: '64m', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.spawned.push(child);
    return new Child(child);
  }

  /**
   * SIGKILL every child still running and everything below it (the embedded JVMs), and any process whose
   * command line names one of `paths` (a JVM on a temp store whose parent already died is no longer below
   * it). Call before deleting the temp stores.
   */
  killAll(paths: readonly string[] = []): void {
    for (const c of this.spawned) {
      if (c.pid === undefined) continue;
      for (const pid of [...descendants(c.pid), c.pid]) tryKill(pid);
    }
    const markers = paths.filter((p) => p.length > 0); // an empty marker would match every process
    if (markers.length === 0) return;
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      const cmd = commandOf(pid);
      if (markers.some((p) => cmd.includes(p))) tryKill(pid);
    }
  }
}

export class Child {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: (() => void)[] = [];

  constructor(readonly proc: ChildProcess) {
    proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
      this.stdout += d;
      this.wake();
    });
    proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
      this.stderr += d;
      this.wake();
    });
    // 'exit' can come before the last output has been read from the pipes; 'close' comes after it. A
    // grandchild that inherited the pipes would hold 'close' back, so 'exit' plus 2 s is the fallback.
    this.exited = new Promise((resolve) => {
      const done = (): void => {
        resolve({ code: proc.exitCode, signal: proc.signalCode });
        this.wake();
      };
      proc.once('close', done);
      proc.once('exit', () => setTimeout(done, 2_000).unref());
    });
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  /** Resolves with the first match of `re` in stdout+stderr at or after `from` characters; rejects if the child exits first. */
  async waitFor(re: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(this.output().slice(from));
      if (m !== null) return m;
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
        throw new Error(`child exited before ${re}:\n${this.output().slice(-3000)}`);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}:\n${this.output().slice(-3000)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 500);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  output(): string {
    return this.stdout + this.stderr;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Child process ids of `pid` (Linux /proc), recursively. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  let direct: number[] = [];
  try {
    direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return out;
  }
  for (const c of direct) out.push(c, ...descendants(c));
  return out;
}

/** The command line of a process, for assertions about what a process is. */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
