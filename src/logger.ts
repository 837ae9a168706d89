import { pino, type Logger } from 'pino';

/** JSON logs on stderr (stdout stays free for command output); level from config. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'grec' } }, pino.destination(2));
}
