// What an unexpected error may put into the logs. Errors reaching the log are the masked ones (coded
// AppErrors go to the client instead), and their messages can quote values from the request: Neo4j says
// "... property `id` = 'alice'", JSON.parse quotes its input. Logs must hold no personal data, so quoted
// parts of messages are replaced, and only what locates the fault is kept: the error's class, a driver
// code, the scrubbed message and the stack frames (the stack's first line repeats the raw message, so it
// is dropped). Never the GraphQL source, the variables, `nodes` or other enumerable extras.
export interface LoggedError {
  readonly type: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
  readonly cause?: LoggedError;
}

const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const MAX_MESSAGE = 300;
const MAX_FRAMES = 12;

export function scrubMessage(message: string): string {
  const scrubbed = message.replace(QUOTED, '<redacted>');
  return scrubbed.length > MAX_MESSAGE ? `${scrubbed.slice(0, MAX_MESSAGE)}...` : scrubbed;
}

/** Follows GraphQL's `originalError` wrappers to the error that was thrown, then describes it. */
export function errorForLog(err: unknown, depth = 0): LoggedError {
  let e = err;
  while (e instanceof Error && e.name === 'GraphQLError' && (e as { originalError?: unknown }).originalError != null) {
    e = (e as { originalError?: unknown }).originalError;
  }
  if (!(e instanceof Error)) return { type: typeof e, message: '<not an Error>' };
  const code = (e as { code?: unknown }).code;
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, MAX_FRAMES);
  return {
    type: e.name,
    message: scrubMessage(e.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames.length > 0 ? { stack: frames.map((f) => f.trim()).join('\n') } : {}),
    ...(e.cause !== undefined && depth < 3 ? { cause: errorForLog(e.cause, depth + 1) } : {}),
  };
}
