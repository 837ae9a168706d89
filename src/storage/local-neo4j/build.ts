import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';

/** Where the Maven module lives and what its build produces. */
export interface ModuleLayout {
  readonly dir: string;
  readonly classesDir: string;
  readonly libDir: string;
  readonly classpath: string;
}

export function moduleLayout(dir: string): ModuleLayout {
  const classesDir = join(dir, 'target', 'classes');
  const libDir = join(dir, 'target', 'lib');
  return { dir, classesDir, libDir, classpath: `${classesDir}:${libDir}/*` };
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when the launcher class and its jars are older than the pom or the Java sources. */
export function isOutOfDate(layout: ModuleLayout): boolean {
  const marker = join(layout.classesDir, 'dev', 'grec', 'neo4j', 'LocalNeo4j.class');
  if (!existsSync(marker) || !existsSync(layout.libDir) || readdirSync(layout.libDir).length === 0) return true;
  const built = statSync(marker).mtimeMs;
  return newestMtime(join(layout.dir, 'pom.xml')) > built || newestMtime(join(layout.dir, 'src')) > built;
}

/** Major Java version from `java -version`, or undefined when Java is missing. */
export function javaMajorVersion(javaBin: string): number | undefined {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (m === null) return undefined;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/**
 * Checks the toolchain and runs `mvn package` when the module is out of date. The first build downloads
 * ~120 MB of jars into ~/.m2; later builds are skipped entirely.
 */
export function ensureBuilt(layout: ModuleLayout, javaBin: string, log: (msg: string) => void): void {
  const major = javaMajorVersion(javaBin);
  if (major === undefined) {
    throw new AppError('UNAVAILABLE', `Java not found ('${javaBin} -version' failed). Install JDK 17 or 21, or set NEO4J_URI to an existing Neo4j.`);
  }
  if (major < 17) {
    throw new AppError('UNAVAILABLE', `Java ${major} is too old: Neo4j 5.26 needs Java 17 or 21. Set JAVA_HOME/GREC_JAVA, or set NEO4J_URI.`);
  }
  if (!isOutOfDate(layout)) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error !== undefined || mvn.status !== 0) {
    throw new AppError('UNAVAILABLE', "Maven not found ('mvn -v' failed). Install Maven 3.8+, or set NEO4J_URI to an existing Neo4j.");
  }
  log(`building the local Neo4j launcher (${layout.dir}); the first build downloads ~120 MB from Maven Central...`);
  const r = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: layout.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new AppError('UNAVAILABLE', `building the local Neo4j launcher failed (mvn exit ${r.status}):\n${(r.stdout + r.stderr).slice(-4000)}`);
  }
}
