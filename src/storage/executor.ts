import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Result } from 'neo4j-driver';
import { AppError, isAppError } from '../domain/errors.ts';
import { cypherFileName } from './cypher-files.ts';
import { fromNeo4j, toParams } from './values.ts';

export type Row = Record<string, unknown>;

/** One operator of a profiled plan. */
export interface PlanNode {
  readonly operator: string;
  readonly rows: number;
  readonly dbHits: number;
  readonly details: string;
  readonly children: readonly PlanNode[];
}
export type Params = Record<string, unknown>;

/** One finished round trip, as reported to a timing observer (no parameter values: they may be personal data). */
export interface QueryTiming {
  /** The `cypher/` file the text came from (`recs/item-cf`), or `inline` for text built elsewhere. */
  readonly query: string;
  readonly mode: 'read' | 'write';
  readonly seconds: number;
  readonly ok: boolean;
}

/** A unit of work inside one transaction; managed transactions may retry it, so it must be idempotent. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

export interface ExecutorOptions {
  /**
   * Server-side timeout of every transaction this executor opens (driver transactionConfig.timeout): a query
   * stuck behind a lock or a dying database ends with UNAVAILABLE instead of holding a pooled connection.
   */
  readonly txTimeoutMs: number;
  /** Told once when the database becomes unreachable (or times out), and once when it answers again. */
  readonly onHealthChange?: (healthy: boolean, detail: string) => void;
}

/** What an UNAVAILABLE error suggests to clients: roughly one embedded restart, or a transient overload. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The only place that opens sessions and transactions (cf. neo4j/graphql's Executor). Counts round trips
 * so tests can prove batching (no N+1), attaches transaction metadata and a timeout, and translates driver
 * errors into AppError codes.
 */
export class Executor {
  /** Number of queries sent to the database since construction (or the last reset). */
  queryCount = 0;
  /** Optional observer of every query (tests use it to show which round trips a request made). */
  onQuery: ((cypher: string, params: Params) => void) | undefined;
  /**
   * Optional observer of every finished query's duration (the composition root hands it to the metrics
   * module, so storage stays free of any metrics library). Counted at the same places as `queryCount`.
   */
  onQueryTimed: ((timing: QueryTiming) => void) | undefined;
  /** False from the first UNAVAILABLE until a query succeeds again: outages are logged once, not per request. */
  private healthy = true;
  /** Set by close(): work arriving during shutdown is refused (UNAVAILABLE) instead of racing the driver close. */
  private closed = false;
  /**
   * Causal consistency across every call of this executor (one per process): each session and executeQuery
   * passes the bookmarks of the writes committed so far, so with a `neo4j://` URI to a cluster a read routed
   * to a secondary waits until that secondary has applied them. A request that writes and then reads its own
   * write (recordInteraction, createSegment, ...) therefore sees it, whichever member serves the read. The
   * driver's own default manager covers executeQuery only; sessions would start without bookmarks.
   * Against a single server the bookmarks are always satisfied and cost nothing.
   */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly opts: ExecutorOptions = { txTimeoutMs: 30_000 },
  ) {}

  /** Refuse new work from now on (shutdown); in-flight transactions carry on until the driver closes. */
  refuseNewWork(): void {
    this.closed = true;
  }

  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.query(cypher, params, 'READ');
  }

  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.query(cypher, params, 'WRITE');
  }

  /**
   * A read whose rows are handed to `onRow` as they arrive, batch by batch, instead of being collected and
   * decoded in one synchronous pass at the end: reading a million rows (the GRAPH fit's input) then never holds
   * the event loop for more than a batch, so requests keep being served meanwhile. One auto-commit statement,
   * not retried (a retry would replay rows already handed over). Returns the number of rows.
   */
  async readEach(cypher: string, params: Params, onRow: (row: Row) => void): Promise<number> {
    return this.streamRead(cypher, params, 'grec', this.opts.txTimeoutMs, (err) => this.failed(err), async (result) => {
      let rows = 0;
      for await (const record of result) {
        onRow(fromNeo4j(record.toObject()) as Row);
        rows++;
      }
      return rows;
    }, toParams(params) as Params);
  }

  /**
   * One read statement with its own timeout that stops after `maxRows` records (the rest is discarded, not
   * fetched): the console's Cypher runner. READ access mode, so the server refuses a write even if one got
   * past the caller's checks. Records are handed to `decode` raw (driver types), since the runner keeps
   * node labels and relationship types that fromNeo4j drops. Not retried.
   */
  async readCapped(cypher: string, params: Params, opts: { timeoutMs: number; maxRows: number }, decode: (value: unknown) => unknown):
  Promise<{ columns: string[]; rows: unknown[][]; truncated: boolean }> {
    const fail = (err: unknown): unknown => this.analystQueryFailed(err, opts.timeoutMs);
    return this.streamRead(cypher, params, 'grec-console', opts.timeoutMs, fail, async (result) => {
      const columns = (await result.keys()) as string[];
      const rows: unknown[][] = [];
      let truncated = false;
      for await (const record of result) {
        if (rows.length === opts.maxRows) {
          truncated = true;
          break;
        }
        rows.push(columns.map((c) => decode(record.get(c))));
      }
      return { columns, rows, truncated };
    });
  }

  /**
   * The session around one streamed auto-commit read (readEach, readCapped): admission, counting, timing, a
   * READ session that follows this executor's bookmarks, and the error mapping the caller chooses. `sent`
   * is what goes to the driver when it differs from the caller's params (readEach converts them).
   */
  private async streamRead<T>(
    cypher: string,
    params: Params,
    app: string,
    timeoutMs: number,
    fail: (err: unknown) => unknown,
    consume: (result: Result) => Promise<T>,
    sent: Params = params,
  ): Promise<T> {
    this.admit();
    this.queryCount++;
    this.onQuery?.(cypher, params);
    const done = this.startTiming(cypher, 'read');
    const session = this.driver.session({
      ...(this.database !== undefined ? { database: this.database } : {}),
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.bookmarks,
    });
    try {
      const value = await consume(session.run(cypher, sent, { metadata: { app }, timeout: timeoutMs }));
      done(true);
      return this.succeeded(value);
    } catch (err) {
      done(false);
      throw fail(err);
    } finally {
      await session.close();
    }
  }

  /** Several statements in one managed write transaction (retried on transient errors). */
  async writeTx<T>(work: (tx: Tx) => Promise<T>, app = 'grec'): Promise<T> {
    return this.managed('WRITE', work, app);
  }

  async readTx<T>(work: (tx: Tx) => Promise<T>, app = 'grec'): Promise<T> {
    return this.managed('READ', work, app);
  }

  private async managed<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, app: string): Promise<T> {
    this.admit();
    const session = this.driver.session({
      ...(this.database !== undefined ? { database: this.database } : {}),
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      const run = mode === 'READ' ? session.executeRead.bind(session) : session.executeWrite.bind(session);
      return this.succeeded(await run((mtx) => work(this.wrapTx(mtx, mode)), { metadata: { app }, timeout: this.opts.txTimeoutMs }));
    } catch (err) {
      throw this.failed(err);
    } finally {
      await session.close();
    }
  }

  /**
   * An auto-commit statement: schema changes (which never share a transaction with data writes) and
   * `CALL { ... } IN TRANSACTIONS` batches, which Neo4j only accepts outside an explicit transaction.
   */
  async autoCommit(cypher: string, params: Params = {}): Promise<Row[]> {
    this.admit();
    // Auto-commit statements change data or schema: WRITE access, routed to the leader.
    const session = this.driver.session({
      ...(this.database !== undefined ? { database: this.database } : {}),
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const done = this.startTiming(cypher, 'write');
    try {
      this.queryCount++;
      const res = await session.run(cypher, toParams(params) as Params, { timeout: this.opts.txTimeoutMs });
      done(true);
      return this.succeeded(res.records.map((r) => fromNeo4j(r.toObject()) as Row));
    } catch (err) {
      done(false);
      throw this.failed(err);
    } finally {
      await session.close();
    }
  }

  /**
   * PROFILE a query and return its operator tree without driver types, for plan reports (bench/query-plans).
   * WRITE routing: PROFILE executes the statement, and the profiled file may be one that writes.
   */
  async profile(cypher: string, params: Params = {}): Promise<PlanNode> {
    this.queryCount++;
    const res = await this.driver.executeQuery(`PROFILE ${cypher}`, toParams(params) as Params, {
      routing: neo4j.routing.WRITE,
      bookmarkManager: this.bookmarks,
      ...(this.database !== undefined ? { database: this.database } : {}),
    });
    const toNode = (p: { operatorType: string; rows: number; dbHits: number; arguments: Record<string, unknown>; children: unknown[] }): PlanNode => ({
      operator: p.operatorType.replace(/@.*$/, ''),
      rows: Number(p.rows),
      dbHits: Number(p.dbHits),
      details: String(fromNeo4j(p.arguments['Details']) ?? ''),
      children: p.children.map((c) => toNode(c as typeof p)),
    });
    const plan = res.summary.profile;
    if (plan === false) throw new Error('no profile returned');
    return toNode(plan as unknown as Parameters<typeof toNode>[0]);
  }

  /**
   * What kind of statement `cypher` is, as the planner says from EXPLAIN (nothing runs): 'r' read only,
   * 'rw' reads and writes, 'w' write only, 's' schema. Tests use it to check that every statement sent with
   * READ access (routed to a cluster's secondaries, which refuse writes) is read-only.
   */
  async statementType(cypher: string, params: Params = {}): Promise<'r' | 'rw' | 'w' | 's'> {
    const res = await this.driver.executeQuery(`EXPLAIN ${cypher}`, toParams(params) as Params, {
      routing: neo4j.routing.WRITE,
      bookmarkManager: this.bookmarks,
      ...(this.database !== undefined ? { database: this.database } : {}),
    });
    return res.summary.queryType as 'r' | 'rw' | 'w' | 's';
  }

  private wrapTx(mtx: ManagedTransaction, mode: 'READ' | 'WRITE'): Tx {
    return {
      run: async (cypher, params = {}) => {
        this.queryCount++;
        this.onQuery?.(cypher, params);
        const done = this.startTiming(cypher, mode === 'READ' ? 'read' : 'write');
        try {
          const res = await mtx.run(cypher, toParams(params) as Params);
          done(true);
          return res.records.map((r) => fromNeo4j(r.toObject()) as Row);
        } catch (err) {
          done(false);
          throw err;
        }
      },
    };
  }

  /** Returns the function that reports the query's duration; a no-op when nobody observes. */
  private startTiming(cypher: string, mode: QueryTiming['mode']): (ok: boolean) => void {
    const observer = this.onQueryTimed;
    if (observer === undefined) return () => {};
    const started = performance.now();
    return (ok) => observer({ query: cypherFileName(cypher) ?? 'inline', mode, seconds: (performance.now() - started) / 1000, ok });
  }

  private async query(cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<Row[]> {
    this.admit();
    this.queryCount++;
    this.onQuery?.(cypher, params);
    const done = this.startTiming(cypher, routing === 'READ' ? 'read' : 'write');
    try {
      const res = await this.driver.executeQuery(cypher, toParams(params) as Params, {
        routing: routing === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
        ...(this.database !== undefined ? { database: this.database } : {}),
        transactionConfig: { metadata: { app: 'grec' }, timeout: this.opts.txTimeoutMs },
      });
      done(true);
      return this.succeeded(res.records.map((r) => fromNeo4j(r.toObject()) as Row));
    } catch (err) {
      done(false);
      throw this.failed(err);
    }
  }

  private admit(): void {
    if (this.closed) {
      throw new AppError('UNAVAILABLE', 'the server is shutting down', { retryAfterSeconds: RETRY_AFTER_SECONDS, reason: 'SHUTTING_DOWN' });
    }
  }

  private succeeded<T>(value: T): T {
    if (!this.healthy) {
      this.healthy = true;
      this.opts.onHealthChange?.(true, 'the graph database answers again');
    }
    return value;
  }

  /**
   * An analyst's statement failing is about the statement, not the database: its syntax and semantic errors
   * are INVALID_INPUT with Neo4j's message, a write attempt FORBIDDEN, its own timeout UNAVAILABLE (reason
   * TIMEOUT) without marking the database unhealthy; anything else is translated as usual.
   */
  private analystQueryFailed(err: unknown, timeoutMs: number): unknown {
    const code = String((err as { code?: unknown }).code ?? '');
    const message = String((err as { message?: unknown }).message ?? '');
    if (code === 'Neo.ClientError.Statement.AccessMode') return new AppError('FORBIDDEN', 'writes are refused: the console runs read-only queries', { neo4jCode: code });
    if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
      return new AppError('INVALID_INPUT', message.split('\n')[0] ?? message, { neo4jCode: code });
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || (code.endsWith('.Transaction.Terminated') && /timeout/i.test(message))) {
      return new AppError('UNAVAILABLE', `the query did not finish within ${timeoutMs} ms`, { neo4jCode: code, reason: 'TIMEOUT' });
    }
    return this.failed(err);
  }

  private failed(err: unknown): unknown {
    const translated = translateError(err, this.opts.txTimeoutMs);
    if (isAppError(translated) && translated.code === 'UNAVAILABLE' && this.healthy && !this.closed) {
      this.healthy = false;
      this.opts.onHealthChange?.(false, `${translated.message}: ${(err as Error).message ?? String(err)}`);
    }
    return translated;
  }
}

/** Driver errors -> AppError codes; anything unrecognised is returned as is (masked, logged once upstream). */
export function translateError(err: unknown, txTimeoutMs: number): unknown {
  if (isAppError(err)) return err;
  const code = (err as { code?: unknown }).code;
  const message = String((err as { message?: unknown }).message ?? '');
  const retry = { retryAfterSeconds: RETRY_AFTER_SECONDS };
  if (typeof code === 'string') {
    if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
      return new AppError('UNAVAILABLE', 'the graph database is unavailable', { neo4jCode: code, ...retry });
    }
    // A timed-out transaction waiting on a lock reports LockClientStopped ("terminated ... not completed
    // within the timeout"); one terminated for other reasons (database stopping) is unavailability too.
    const terminated = code.endsWith('.LockClientStopped') || code.endsWith('.Transaction.Terminated');
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || (terminated && /timeout/i.test(message))) {
      return new AppError('UNAVAILABLE', `the query did not finish within ${txTimeoutMs} ms`, { neo4jCode: code, reason: 'TIMEOUT', ...retry });
    }
    if (terminated) return new AppError('UNAVAILABLE', 'the query was terminated by the database', { neo4jCode: code, ...retry });
    // The pool stayed full for the whole acquisition timeout: the database is overloaded or gone.
    if (/Connection acquisition timed out|Failed to establish connection/.test(message)) {
      return new AppError('UNAVAILABLE', 'the graph database is unavailable', { reason: 'NO_CONNECTION', ...retry });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      // Neo4j's message names the node: "Node(12) already exists with label `Event` and property `id` = 'e1'".
      const m = /label `([^`]+)` and propert(?:y|ies) `([^`]+)`/.exec((err as Error).message ?? '');
      return new AppError('CONFLICT', 'a uniqueness constraint was violated', {
        neo4jCode: code,
        ...(m !== null ? { label: m[1], property: m[2] } : {}),
      });
    }
  }
  return err;
}
