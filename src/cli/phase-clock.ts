import { readFileSync } from 'node:fs';

/**
 * Wall and CPU time of one phase of a long command. CPU counts this process and its finished children (the
 * bulk importer's JVM): on a machine shared with other jobs the wall time stretches with the load, while the
 * CPU seconds a phase needs stay close, so both are logged.
 */
export interface PhaseClock {
  /** "3.2 s (cpu 5.1 s)" since the clock was started or last lapped; restarts it. */
  lap(): string;
}

export function startPhaseClock(): PhaseClock {
  let wall = performance.now();
  let cpu = cpuSeconds();
  return {
    lap() {
      const w = performance.now();
      const c = cpuSeconds();
      const text = `${((w - wall) / 1000).toFixed(1)} s (cpu ${(c - cpu).toFixed(1)} s)`;
      wall = w;
      cpu = c;
      return text;
    },
  };
}

/** CPU seconds of this process plus its waited-for children (Linux /proc/self/stat utime..cstime); elsewhere this process only. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the ")" that closes the command name: state is field 3, cutime and cstime are fields 16 and 17.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks: USER_HZ is 100 on Linux
  } catch {
    children = 0;
  }
  return (own.user + own.system) / 1e6 + (Number.isFinite(children) ? children : 0);
}
