// Entry of the GRAPH fit's worker thread (graph-fitter.ts). The server runs TypeScript through tsx, and on
// Node 20 a worker thread inherits none of tsx's loader hooks (passing `--import tsx` in its execArgv does
// not help either): this plain-JS file registers them, as bin/grec.js does, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./fit-worker.ts');
