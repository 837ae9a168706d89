// How a GRAPH fit runs: in this thread, or in a worker thread so that requests keep being served while it
// runs. Reading the graph is async I/O on this thread (streamed, Executor.readEach); packing the ids into one
// string per column runs in slices that yield to the event loop; everything numeric (indexing the ids,
// building and weighting the matrices, GF-CF's parts) runs in the worker (fit-worker.ts), whose typed arrays come back transferred, not copied; assembling the
// model (id maps, scoring closures) is O(users + items). A worker that cannot start or dies falls back to
// an in-thread fit with a logged warning; a fit that fails in the worker fails as it would in-thread.
import { Worker } from 'node:worker_threads';
import type { GraphEdges } from '../../storage/recs-graph-store.ts';
import type { JobLog } from '../job-log.ts';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { assembleGraphModel, fitGraphModel, ID_SEPARATOR, packEdges, type GraphArrays, type GraphModel, type GraphOptions, type PackedEdges } from './fit-graph-model.ts';
import type { FitReply, FitRequest } from './fit-worker.ts';

export type GraphFitter = (edges: GraphEdges, opts: GraphOptions, fittedAt: number) => Promise<GraphModel>;

export const fitInThread: GraphFitter = async (edges, opts, fittedAt) => fitGraphModel(edges, opts, fittedAt);

export interface WorkerFitterOptions {
  /**
   * Smaller graphs fit in-thread: starting a worker thread and loading the fit's TypeScript in it takes
   * ~0.3 s, longer than their whole fit (the demo shop's takes a few ms).
   */
  readonly minInteractions: number;
  readonly log: JobLog;
  /** The worker's entry module (tests name a missing one to see the fallback). */
  readonly entry?: URL;
}

/** Graphs of at least this many interactions fit in a worker thread in the server (GREC_FIT_WORKER_MIN_INTERACTIONS). */
export const WORKER_MIN_INTERACTIONS = 20_000;

const BOOT = new URL('./fit-worker-boot.mjs', import.meta.url);

export function workerFitter(o: WorkerFitterOptions): GraphFitter {
  return async (edges, opts, fittedAt) => {
    if (edges.interactions.length < o.minInteractions) return fitGraphModel(edges, opts, fittedAt);
    const t0 = performance.now();
    let arrays: GraphArrays;
    try {
      arrays = await fitInWorker(o.entry ?? BOOT, { packed: await packInSlices(edges), opts });
    } catch (err) {
      if (!(err instanceof WorkerUnavailable)) throw err;
      o.log.warn({ err: err.cause }, 'the GRAPH fit could not run in a worker thread: fitting in the main thread, requests wait meanwhile');
      return fitGraphModel(edges, opts, fittedAt);
    }
    return assembleGraphModel(arrays, opts, fittedAt, performance.now() - t0);
  };
}

const PACK_SLICE = 50_000;

/**
 * packEdges in slices of PACK_SLICE edges with a turn of the event loop between them (a million edges take
 * ~0.2 s to pack in one go); the same result.
 */
export async function packInSlices(edges: GraphEdges, slice = PACK_SLICE): Promise<PackedEdges> {
  const n = edges.interactions.length;
  const users: string[] = [];
  const items: string[] = [];
  const weights = new Float32Array(n);
  for (let start = 0; start < n; start += slice) {
    const part = packEdges({ interactions: edges.interactions.slice(start, start + slice), friendships: [] });
    users.push(part.users);
    items.push(part.items);
    weights.set(part.weights, start);
    await yieldToEventLoop();
  }
  const friends = packEdges({ interactions: [], friendships: edges.friendships, follows: edges.follows ?? [] });
  return { ...friends, users: users.join(ID_SEPARATOR), items: items.join(ID_SEPARATOR), weights };
}

/** The worker did not answer (could not start, died, or its reply could not be read). */
class WorkerUnavailable extends Error {
  constructor(cause: unknown) {
    super('fit worker unavailable', { cause });
  }
}

/** One worker per fit: fits are rare (a refresh), and a fresh thread returns all its memory when it ends. */
function fitInWorker(entry: URL, req: FitRequest): Promise<GraphArrays> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      // No execArgv of ours: tsx's flags do not work in a worker (the entry registers tsx itself).
      worker = new Worker(entry, { execArgv: [] });
    } catch (err) {
      reject(new WorkerUnavailable(err));
      return;
    }
    worker.unref(); // a fit in flight does not keep a stopping process alive
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.once('message', (reply: FitReply) => settle(() => {
      if (reply.kind === 'fitted') resolve(reply.arrays);
      else reject(Object.assign(new Error(reply.message), { name: reply.name }));
    }));
    worker.once('messageerror', (err) => settle(() => reject(new WorkerUnavailable(err))));
    worker.once('error', (err) => settle(() => reject(new WorkerUnavailable(err))));
    worker.once('exit', (code) => settle(() => reject(new WorkerUnavailable(new Error(`the fit worker exited (code ${code}) before answering`)))));
    worker.postMessage(req, [req.packed.weights.buffer as ArrayBuffer]);
  });
}
