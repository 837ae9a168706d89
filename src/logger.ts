import { pino, type DestinationStream, type Logger } from 'pino';
import { errorForLog } from './observability/error-for-log.ts';
import { currentRequestId } from './observability/request-context.ts';

/**
 * JSON logs on stderr (stdout stays free for command output); level from config. Every `err` logged goes
 * through errorForLog: class, scrubbed message and stack frames only, so an unexpected error cannot carry
 * request values (GraphQL source, Neo4j's quoted property values) into the logs. A line written while a
 * request is handled carries its `requestId`, so an error line can be matched with its request line.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino({
    level,
    base: { app: 'grec' },
    serializers: { err: errorForLog },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId !== undefined ? { requestId } : {};
    },
  }, destination);
}
