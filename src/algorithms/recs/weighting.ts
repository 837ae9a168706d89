// Interaction weights fed to the models. Last.fm listening counts are heavy-tailed (1 .. 350k plays) and
// scaled by how much each user listens overall, so raw counts let a few artists and heavy listeners dominate.
//   binary      1 for any interaction
//   log1p       log(1 + count)
//   user-pow-p  (count / max count of that user)^p, p in (0, 1]: a within-user preference strength in (0, 1]
//               that ignores the user's overall volume; small p stays close to binary but still ranks a
//               user's favourites above one-off plays (p = 0.1 won on Last.fm validation splits).
//   raw         the counts as given
// Which one wins is a hyper-parameter chosen on the validation split.
import { mapValues, type CsrMatrix } from './csr.ts';

export type Weighting = 'binary' | 'log1p' | 'raw' | `user-pow-${number}`;

export function weightInteractions(m: CsrMatrix, w: Weighting): CsrMatrix {
  switch (w) {
    case 'binary':
      return mapValues(m, (v) => (v > 0 ? 1 : 0));
    case 'log1p':
      return mapValues(m, (v) => Math.log1p(Math.max(v, 0)));
    case 'raw':
      return m;
    default:
      return userPow(m, Number(w.slice('user-pow-'.length)));
  }
}

function userPow(m: CsrMatrix, p: number): CsrMatrix {
  if (!(p > 0 && p <= 1)) throw new RangeError(`weightInteractions: user-pow exponent must be in (0, 1], got ${p}`);
  const rowMax = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    for (let q = m.indptr[r]!; q < m.indptr[r + 1]!; q++) rowMax[r] = Math.max(rowMax[r]!, m.values[q]!);
  }
  return mapValues(m, (v, r) => (v > 0 ? Math.pow(v / rowMax[r]!, p) : 0));
}
