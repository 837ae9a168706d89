import { expect } from 'vitest';

/** |actual - expected| <= rel * max(|expected|, 1e-300): relative agreement with a reference value. */
export function expectClose(actual: number | null | undefined, expected: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const a = actual as number;
  const tol = rel * Math.max(Math.abs(expected), 1e-300);
  if (!(Math.abs(a - expected) <= tol)) expect.fail(`expected ${a} to be within ${rel} (relative) of ${expected}`);
}
