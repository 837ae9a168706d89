import { pino, type DestinationStream, type Logger } from 'pino';
import { errorForLog } from './observability/error-for-log.ts';

/**
 * JSON logs on stderr (stdout stays free for command output); level from config. Every `err` logged goes
 * through errorForLog: class, scrubbed message and stack frames only, so an unexpected error cannot carry
 * request values (GraphQL source, Neo4j's quoted property values) into the logs.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: { app: 'grec' }, serializers: { err: errorForLog } }, destination);
}
