import type { IncomingMessage } from 'node:http';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * yoga's request body limit (its `maxRequestBodySize`, turned off in server.ts) with one cost removed: yoga
 * pipes every body through a counting TransformStream, whose stream pipeline and AbortSignal cost about 4 % of
 * an uncached recommendation page's CPU (bench:recs profile, docs/benchmarks.md). A body that arrives through
 * Node's HTTP server with a valid Content-Length cannot be longer than that header says (Node's parser reads
 * exactly that many bytes), so the header check is the whole check there. Any other body (chunked, or a
 * request handed to yoga's fetch directly) is counted while it streams, as yoga does. Same errors as yoga:
 * 400 for a malformed Content-Length, 413 REQUEST_ENTITY_TOO_LARGE (mask-error.ts codes it as the bodySize limit).
 */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength != null) {
        if (!CONTENT_LENGTH.test(contentLength)) {
          throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        }
        if (Number(contentLength) > limit) throw tooLarge();
        if (isNodeRequest((serverContext as { req?: unknown }).req)) return;
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}

// Only a single non-negative integer is a valid Content-Length (request smuggling sends lists).
const CONTENT_LENGTH = /^\d+$/;

const tooLarge = () => createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });

/** A request parsed by Node's HTTP server (it bounds a body by its Content-Length). */
function isNodeRequest(req: unknown): req is IncomingMessage {
  return typeof req === 'object' && req !== null && typeof (req as IncomingMessage).httpVersion === 'string';
}

/** The request with its body counted as it streams, failing past `limit` bytes (yoga's limitRequestBodySize). */
function counted(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (body === null) return request;
  // A native stream needs the native TransformStream, a ponyfill one the ponyfill's (graphql-yoga issue 4583).
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const limited = body.pipeThrough(new Transform<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > limit) {
        controller.error(tooLarge());
        return;
      }
      controller.enqueue(chunk);
    },
  }));
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: limited, duplex: 'half' } as RequestInit);
}
