import type { RequestListener, Server, ServerResponse } from 'node:http';

/** Body of the 503 given to requests refused or cut off by shutdown: a coded GraphQL error like any other. */
function unavailableBody(retryAfterSeconds: number): string {
  return JSON.stringify({
    errors: [{ message: 'the server is shutting down; retry on another instance or after the restart', extensions: { code: 'UNAVAILABLE', reason: 'SHUTTING_DOWN', retryAfterSeconds } }],
  });
}

export interface DrainResult {
  /** Requests that finished by themselves within the grace period. */
  readonly finished: number;
  /** Requests still running when the grace period ended, answered 503 UNAVAILABLE. */
  readonly cutOff: number;
}

/**
 * Makes SIGTERM deterministic for HTTP: every request gets exactly one response. `wrap` the server's
 * handler; `drain` then stops accepting (new requests on kept-alive sockets get 503 at once), waits up to
 * the grace period for in-flight requests, answers the ones still running with 503 UNAVAILABLE (the
 * handler's late response is dropped: the Node adapter skips an ended response) and closes every socket.
 * A write cut off this way may still commit if its transaction was already committing; live writes are
 * idempotent by id, so the client's retry is answered `created: false` rather than counted twice.
 */
export class RequestTracker {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | undefined;

  constructor(private readonly retryAfterSeconds = 5) {}

  get size(): number {
    return this.inFlight.size;
  }

  wrap(handler: RequestListener): RequestListener {
    return (req, res) => {
      if (this.draining) {
        this.refuse(res);
        return;
      }
      this.inFlight.add(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.inFlight.size === 0) this.onIdle?.();
      });
      handler(req, res);
    };
  }

  async drain(server: Server, graceMs: number): Promise<DrainResult> {
    this.draining = true;
    const started = this.inFlight.size;
    server.close();
    server.closeIdleConnections();
    if (this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const cutOff = [...this.inFlight];
    for (const res of cutOff) this.refuse(res);
    server.closeAllConnections();
    return { finished: started - cutOff.length, cutOff: cutOff.length };
  }

  private refuse(res: ServerResponse): void {
    if (res.headersSent) {
      // A response already streaming cannot change its status: end the connection so the client sees a failure.
      res.destroy();
      return;
    }
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(this.retryAfterSeconds), connection: 'close' })
      .end(unavailableBody(this.retryAfterSeconds));
  }
}
