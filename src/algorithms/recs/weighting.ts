// Interaction weights fed to the models. Last.fm listening counts are heavy-tailed (1 .. 350k plays), so raw
// counts let a few artists dominate; log1p compresses them, binary drops them. Which one wins is a
// hyper-parameter chosen on the validation split.
import { mapValues, type CsrMatrix } from './csr.ts';

export type Weighting = 'binary' | 'log1p' | 'raw';

export function weightInteractions(m: CsrMatrix, w: Weighting): CsrMatrix {
  switch (w) {
    case 'binary':
      return mapValues(m, (v) => (v > 0 ? 1 : 0));
    case 'log1p':
      return mapValues(m, (v) => Math.log1p(Math.max(v, 0)));
    case 'raw':
      return m;
  }
}
