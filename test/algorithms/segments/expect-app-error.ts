import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../../src/domain/errors.ts';

/** Runs `f`, asserts it throws an AppError with `code`, and returns the error for further checks. */
export function expectAppError(f: () => unknown, code: ErrorCode = 'INVALID_INPUT'): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe(code);
    return err;
  }
  throw new Error('expected an AppError, nothing was thrown');
}
