/**
 * Milliseconds of CPU this process spent running `work`. Performance assertions use CPU time, not wall
 * time: the shared CI box runs several suites and a JVM at once, so wall time there measures the
 * neighbours as much as the code.
 */
export async function cpuMs(work: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
