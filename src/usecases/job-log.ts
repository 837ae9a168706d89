/** Where background jobs (the scheduled refresh, the GRAPH fit's worker) log; pino's Logger fits it. */
export interface JobLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** Tests and scripts that do not read the logs. */
export const SILENT_LOG: JobLog = { info: () => {}, warn: () => {}, error: () => {} };
