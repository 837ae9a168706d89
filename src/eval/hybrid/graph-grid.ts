// The GRAPH grid is the served tuner's (src/usecases/recommend/tuning/graph-grid.ts): the evaluation and the
// refresh search the same points with the same code.
export * from '../../usecases/recommend/tuning/graph-grid.ts';
