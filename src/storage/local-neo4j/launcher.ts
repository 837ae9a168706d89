import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError } from '../../domain/errors.ts';
import { ensureBuilt, moduleLayout } from './build.ts';

export interface LocalNeo4jOptions {
  /** The Maven module directory (neo4j-local/). */
  readonly moduleDir: string;
  /** Store directory; one process at a time may use it (Neo4j takes a store lock). */
  readonly homeDir: string;
  /** 0 lets the OS choose a free port. */
  readonly port: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly javaBin: string;
  readonly importDir?: string;
  readonly startTimeoutMs?: number;
  readonly log?: (msg: string) => void;
}

export interface LocalNeo4j {
  readonly boltUri: string;
  readonly version: string;
  readonly pid: number;
  /** SIGTERM, then wait for the JVM's shutdown hook to close the store cleanly. */
  stop(): Promise<void>;
  /**
   * Called once if the JVM exits without stop() having been asked (killed, crashed, out of memory), with
   * its exit code or signal and the tail of its stderr.
   */
  onUnexpectedExit(listener: (how: string, stderrTail: string) => void): void;
}

interface ReadyLine {
  readonly ready: boolean;
  readonly boltUri?: string;
  readonly version?: string;
  readonly error?: string;
}

/**
 * Builds (when out of date) and spawns the embedded Neo4j launcher, resolving when it prints its ready line.
 * The child's stdin is a pipe we never write to: when this process dies the pipe closes and the JVM exits,
 * so no orphan keeps the store lock.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const layout = moduleLayout(opts.moduleDir);
  ensureBuilt(layout, opts.javaBin, log);

  const args = [
    `-Xms${opts.heap}`, `-Xmx${opts.heap}`, '-XX:+UseG1GC',
    '-cp', layout.classpath, 'dev.grec.neo4j.LocalNeo4j',
    '--home', opts.homeDir, '--port', String(opts.port), '--pagecache', opts.pageCache,
    ...(opts.importDir !== undefined ? ['--import-dir', opts.importDir] : []),
  ];
  const child = spawn(opts.javaBin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail.push(chunk);
    if (stderrTail.length > 50) stderrTail.shift();
  });

  const ready = await waitForReady(child, opts.startTimeoutMs ?? 120_000, () => stderrTail.join(''));
  let stopping = false;
  const unexpected: ((how: string, stderrTail: string) => void)[] = [];
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else {
      child.once('exit', (code, signal) => {
        resolve();
        if (stopping) return;
        const how = signal !== null ? `signal ${signal}` : `code ${code}`;
        for (const l of unexpected) l(how, stderrTail.join('').slice(-2000));
      });
    }
  });
  return {
    boltUri: ready.boltUri ?? '',
    version: ready.version ?? 'unknown',
    pid: child.pid ?? -1,
    onUnexpectedExit(listener) {
      unexpected.push(listener);
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<ReadyLine> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new AppError('UNAVAILABLE', `local Neo4j did not become ready within ${timeoutMs} ms. stderr:\n${stderr().slice(-2000)}`));
    }, timeoutMs);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new AppError('UNAVAILABLE', `local Neo4j exited with code ${code} before it was ready. stderr:\n${stderr().slice(-2000)}`));
    };
    child.once('exit', onExit);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new AppError('UNAVAILABLE', `could not start Java for the local Neo4j: ${err.message}`));
    });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      let parsed: ReadyLine;
      try {
        parsed = JSON.parse(line) as ReadyLine;
      } catch {
        return;
      }
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      if (parsed.ready) resolve(parsed);
      else reject(new AppError('UNAVAILABLE', `local Neo4j failed to start: ${parsed.error ?? 'unknown error'}`));
    });
  });
}
