// Compiles WebAssembly text (.wat files next to this one) to a WebAssembly.Module at load time with wabt
// (the reference WebAssembly Binary Toolkit, built to JS), so kernels are kept as readable source and no
// binary is checked in. wabt's own start-up is asynchronous (about 40 ms, plus about 40 ms to import it), so
// it happens once, here, at module load through top-level await; compiling a kernel afterwards is
// synchronous. If wabt cannot load, or the engine rejects the module (no SIMD), compileWat returns undefined
// and callers use their JavaScript kernel.
import { readFileSync } from 'node:fs';

type Wabt = Awaited<ReturnType<typeof import('wabt')>>;

async function loadWabt(): Promise<Wabt | undefined> {
  try {
    const { default: init } = await import('wabt');
    return await init();
  } catch {
    return undefined;
  }
}

const wabt = await loadWabt();

/**
 * The module compiled from `file` (a .wat beside this source file), or undefined when it cannot be built or
 * this engine does not support the features it uses: WebAssembly.validate on the module itself is the
 * feature test (for spmm.wat: 128-bit SIMD), stricter than probing a one-instruction module.
 */
export function compileWat(file: string): WebAssembly.Module | undefined {
  if (wabt === undefined) return undefined;
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  let parsed: ReturnType<Wabt['parseWat']>;
  try {
    parsed = wabt.parseWat(file, text, { simd: true });
    parsed.resolveNames();
    parsed.validate();
  } catch (e) {
    // A broken kernel source is a bug, not a missing feature: say where, without wabt's minified stack.
    throw new Error(`compileWat ${file}: ${(e as Error).message}`);
  }
  try {
    const bytes = new Uint8Array(parsed.toBinary({}).buffer); // a copy owning a plain ArrayBuffer
    return WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : undefined;
  } finally {
    parsed.destroy();
  }
}
