// Interaction weights fed to the models. Last.fm listening counts are heavy-tailed (1 .. 350k plays) and
// scaled by how much each user listens overall, so raw counts let a few artists and heavy listeners dominate.
//   binary      1 for any interaction
//   log1p       log(1 + count)
//   user-pow-p  (count / max count of that user)^p, p in (0, 1]: a within-user preference strength in (0, 1]
//               that ignores the user's overall volume; small p stays close to binary but still ranks a
//               user's favourites above one-off plays (p = 0.1 won on Last.fm validation splits).
//   raw         the counts as given
//   user-exp-p  exp(p (w - max_u w)) in (0, 1]: user-pow-p of the count when the stored weight is already a
//               log count (the product stores log(1 + plays): src/domain/interaction-weights.ts), since
//               exp(p (ln(1 + c) - ln(1 + c_max))) = ((1 + c) / (1 + c_max))^p.
// Which one wins is a hyper-parameter chosen on the validation split.
import { mapValues, type CsrMatrix } from './csr.ts';

export type Weighting = 'binary' | 'log1p' | 'raw' | `user-pow-${number}` | `user-exp-${number}`;

export function weightInteractions(m: CsrMatrix, w: Weighting): CsrMatrix {
  switch (w) {
    case 'binary':
      return mapValues(m, (v) => (v > 0 ? 1 : 0));
    case 'log1p':
      return mapValues(m, (v) => Math.log1p(Math.max(v, 0)));
    case 'raw':
      return m;
    default:
      return w.startsWith('user-exp-') ? userExp(m, Number(w.slice('user-exp-'.length))) : userPow(m, Number(w.slice('user-pow-'.length)));
  }
}

/** Row maxima of the positive entries (0 for a row with none). */
function rowMaxima(m: CsrMatrix): Float64Array {
  const rowMax = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    for (let q = m.indptr[r]!; q < m.indptr[r + 1]!; q++) rowMax[r] = Math.max(rowMax[r]!, m.values[q]!);
  }
  return rowMax;
}

function userExp(m: CsrMatrix, p: number): CsrMatrix {
  if (!(p > 0)) throw new RangeError(`weightInteractions: user-exp exponent must be > 0, got ${p}`);
  const rowMax = rowMaxima(m);
  return mapValues(m, (v, r) => (v > 0 ? Math.exp(p * (v - rowMax[r]!)) : 0));
}

function userPow(m: CsrMatrix, p: number): CsrMatrix {
  if (!(p > 0 && p <= 1)) throw new RangeError(`weightInteractions: user-pow exponent must be in (0, 1], got ${p}`);
  const rowMax = rowMaxima(m);
  return mapValues(m, (v, r) => (v > 0 ? Math.pow(v / rowMax[r]!, p) : 0));
}
