// The GRAPH fit's worker thread: receives the packed edges, runs the pure fit (fitGraphArrays) and sends the
// arrays back as transfers (no copy). A fit that throws is reported as a message, so the main thread can
// tell a failed fit (an error to raise) from a worker that could not run at all (fit in-thread instead).
import { parentPort } from 'node:worker_threads';
import { fitGraphArrays, graphArrayBuffers, type GraphOptions, type PackedEdges } from './fit-graph-model.ts';

/** What the main thread sends. */
export interface FitRequest {
  readonly packed: PackedEdges;
  readonly opts: GraphOptions;
}

/** What the worker answers: the arrays and the time the fit took here, or the fit's error. */
export type FitReply =
  | { readonly kind: 'fitted'; readonly arrays: ReturnType<typeof fitGraphArrays>; readonly ms: number }
  | { readonly kind: 'failed'; readonly name: string; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('fit-worker.ts runs only as a worker thread');
port.once('message', (req: FitRequest) => {
  let reply: FitReply;
  let transfer: ArrayBuffer[] = [];
  const t0 = performance.now();
  try {
    const arrays = fitGraphArrays(req.packed, req.opts);
    reply = { kind: 'fitted', arrays, ms: performance.now() - t0 };
    transfer = graphArrayBuffers(arrays);
  } catch (err) {
    reply = { kind: 'failed', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, transfer);
});
