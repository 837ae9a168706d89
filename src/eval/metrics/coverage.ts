// Catalogue coverage: the share of the catalogue that appears in at least one user's top-k list,
// |union of lists| / nItems (Ge, Delgado-Battenfeld & Jannach, RecSys 2010). O(total list length).

export function catalogueCoverage(lists: Iterable<ArrayLike<number>>, nItems: number): number {
  if (nItems <= 0) return 0;
  const seen = new Uint8Array(nItems);
  let count = 0;
  for (const l of lists) {
    for (let t = 0; t < l.length; t++) {
      const i = l[t] as number;
      if (seen[i] === 0) {
        seen[i] = 1;
        count++;
      }
    }
  }
  return count / nItems;
}
