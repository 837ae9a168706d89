import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isRole, principalLabel, type Principal } from '../domain/principal.ts';
import type { Metrics } from '../observability/metrics.ts';
import { OperationNames } from '../observability/operation-names.ts';
import { withRequestId } from '../observability/request-context.ts';
import { requestId } from '../observability/request-id.ts';

export interface TelemetryOptions {
  readonly logger: Logger;
  /** Absent: request lines are logged, nothing is counted. */
  readonly metrics?: Metrics | undefined;
}

interface RequestState {
  readonly id: string;
  readonly started: number;
  operationName: string | undefined;
  operationType: string;
  errorCodes: string[];
}

/**
 * One log line and one metrics sample per GraphQL request: request id (the caller's sane `x-request-id` or
 * a new one, echoed in the response), operation name and type, HTTP status, duration, the codes of the
 * errors returned and the principal's label. Deliberately never the URL (GET carries the query and
 * variables in it), the body, the variables, headers, addresses or ids of users: logs stay free of personal
 * data. Register it first, so its clock starts before other plugins run and it sees the responses they end
 * early (rate limits, CSRF). State is keyed by the per-request server context, which yoga also uses as the
 * GraphQL context (its `principal` is read from it defensively: a request refused before the context was
 * built has none).
 */
export function useTelemetry(opts: TelemetryOptions): Plugin {
  const states = new WeakMap<object, RequestState>();
  const names = new OperationNames();
  const stateOf = (ctx: unknown): RequestState | undefined => {
    if (typeof ctx !== 'object' || ctx === null) return undefined;
    // Batched requests run each operation on an Object.create(serverContext) child.
    return states.get(ctx) ?? states.get(Object.getPrototypeOf(ctx) as object);
  };
  return {
    onRequest({ request, serverContext, requestHandler, setRequestHandler }) {
      const id = requestId(request.headers.get('x-request-id'));
      states.set(serverContext, { id, started: performance.now(), operationName: undefined, operationType: 'unknown', errorCodes: [] });
      // Everything yoga does for this request runs with its id in async context (see request-context.ts).
      setRequestHandler((req, ctx) => withRequestId(id, () => requestHandler(req, ctx)));
    },
    onParams({ params, context }) {
      const s = stateOf(context);
      if (s !== undefined && typeof params.operationName === 'string') s.operationName = params.operationName;
    },
    onParse({ context }) {
      return ({ result }) => {
        const s = stateOf(context);
        if (s === undefined || !isDocument(result)) return;
        const op = getOperationAST(result, s.operationName);
        if (op == null) return;
        s.operationType = op.operation;
        s.operationName ??= op.name?.value;
      };
    },
    onResultProcess({ result, serverContext }) {
      const s = stateOf(serverContext);
      if (s === undefined) return;
      for (const r of Array.isArray(result) ? result : [result]) {
        for (const e of (r as ExecutionResult).errors ?? []) {
          const code = e.extensions?.['code'];
          s.errorCodes.push(typeof code === 'string' ? code : 'NONE');
        }
      }
    },
    onResponse({ response, serverContext }) {
      const s = stateOf(serverContext);
      if (s === undefined) return;
      states.delete(serverContext);
      try {
        response.headers.set('x-request-id', s.id);
      } catch {
        // immutable headers (a Response.redirect from some plugin): the id is still in the log line
      }
      const seconds = (performance.now() - s.started) / 1000;
      const operationName = names.label(s.operationName);
      const principal = principalOf(serverContext);
      opts.metrics?.request({ operationName, operationType: s.operationType, status: response.status, seconds, errorCodes: s.errorCodes });
      const serious = response.status >= 500 || s.errorCodes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'UNAVAILABLE');
      opts.logger[serious ? 'warn' : 'info']({
        requestId: s.id,
        operationName,
        operationType: s.operationType,
        status: response.status,
        durationMs: Math.round(seconds * 1e4) / 10,
        ...(s.errorCodes.length > 0 ? { errorCodes: s.errorCodes } : {}),
        ...(principal !== undefined ? { principal } : {}),
      }, 'request');
    },
  };
}

function isDocument(r: unknown): r is DocumentNode {
  return typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'Document';
}

/**
 * The principal's log label (principalLabel), if the context carries a well-formed principal: absent when
 * the request was refused before its context was built (bad credentials, CSRF).
 */
function principalOf(ctx: unknown): string | undefined {
  const p = (ctx as { principal?: unknown }).principal;
  if (typeof p !== 'object' || p === null) return undefined;
  const role = (p as { role?: unknown }).role;
  if (role === 'anonymous' || role === 'shopper') return role;
  if (typeof role !== 'string' || !isRole(role)) return undefined;
  return typeof (p as { subject?: unknown }).subject === 'string' ? principalLabel(p as Principal) : role;
}
