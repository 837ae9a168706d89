import { cpus, totalmem } from 'node:os';

/** One line describing the machine, for benchmark reports. */
export function machineLine(): string {
  const c = cpus();
  return `${c.length} vCPU ${c[0]?.model ?? 'unknown'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}
