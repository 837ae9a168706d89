// Most-popular baseline: score_i = number of users who interacted with item i in the training data (binary
// degree, not the sum of weights, so one heavy listener cannot make an artist "popular"). Non-personalized;
// scoreVector returns the same vector for everyone. O(nnz) fit, O(nItems) per user.
import { colDegrees, type CsrMatrix } from './csr.ts';
import { outBuffer, type Recommender } from './model.ts';

export function fitPopularity(r: CsrMatrix): Recommender {
  const pop = colDegrees(r);
  const fill = (out?: Float32Array): Float32Array => {
    const o = outBuffer(r.cols, out);
    for (let i = 0; i < r.cols; i++) o[i] = pop[i]!;
    return o;
  };
  return { name: 'POPULAR', nUsers: r.rows, nItems: r.cols, scoreUser: (_u, out) => fill(out), scoreVector: (_v, out) => fill(out) };
}
