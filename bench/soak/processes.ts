// RSS of the server under test, read from /proc (Linux). The Node server is the process with a listening
// socket on the URL's port (found through /proc/net/tcp{,6} and the socket inodes in /proc/<pid>/fd); the
// embedded Neo4j is its child java process running the neo4j-local launcher class. Both can be given
// explicitly (--server-pid, --jvm-pid), e.g. for a server in another user's namespace or an external Neo4j.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export const LAUNCHER_CLASS = 'dev.grec.neo4j.LocalNeo4j';

/** Resident set size in bytes, undefined when the process is gone or unreadable. */
export function rssBytes(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] !== undefined ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const pids = (): number[] => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const local = f[1];
      // st 0A = LISTEN; the local port is the hex after the colon.
      if (local === undefined || f[3] !== '0A' || parseInt(local.split(':')[1] ?? '', 16) !== port) continue;
      if (f[9] !== undefined) inodes.add(f[9]);
    }
  }
  return inodes;
}

/** The process listening on a TCP port (this user's processes only). */
export function findListeningPid(port: number): number | undefined {
  const wanted = new Set([...listeningInodes(port)].map((i) => `socket:[${i}]`));
  if (wanted.size === 0) return undefined;
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return pid;
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

/** The embedded Neo4j JVM started by the server: a child of it running the launcher class. */
export function findJvmChild(parent: number): number | undefined {
  for (const pid of pids()) {
    try {
      const ppid = /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (Number(ppid) !== parent) continue;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(LAUNCHER_CLASS)) return pid;
    } catch {
      // process ended meanwhile
    }
  }
  return undefined;
}
