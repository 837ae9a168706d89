// The one error type of the product. Its code is part of the API contract (GraphQL `extensions.code`);
// everything that is not an AppError is masked as INTERNAL_SERVER_ERROR and logged once.
// RATE_LIMITED: the caller's identity spent its request budget; retry after extensions.retryAfterSeconds.
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const invalidInput = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('INVALID_INPUT', message, details);

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} '${id}' not found`, { what, id });

export const forbidden = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('FORBIDDEN', message, details);

export const unauthenticated = (message: string): AppError => new AppError('UNAUTHENTICATED', message);

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violated: ${message}`);
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>(['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED']);

/**
 * Structural check rather than `instanceof`: module loaders (vitest, tsx) may evaluate this file twice,
 * giving two AppError classes; the name and a known code identify ours either way.
 */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && CODES.has(String((e as { code?: unknown }).code)));
}
