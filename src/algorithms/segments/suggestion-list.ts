// "Did you mean ...?" candidates for a misspelt name, after graphql-js `jsutils/suggestionList.ts`:
// an option is kept when its optimal-string-alignment (restricted Damerau-Levenshtein) distance to the input
// is at most floor(0.4 * input.length) + 1; a difference in letter case only costs 1. Sorted by distance,
// ties by name (code-unit order), so the list is deterministic. O(options * |input| * |option|).

/** The options close enough to `input`, closest first; at most `limit` of them (graphql-js shows 5). */
export function suggestionList(input: string, options: Iterable<string>, limit = 5): string[] {
  const threshold = Math.floor(input.length * 0.4) + 1;
  const scored: { option: string; distance: number }[] = [];
  for (const option of new Set(options)) {
    const distance = lexicalDistance(input, option, threshold);
    if (distance !== undefined) scored.push({ option, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.option < b.option ? -1 : a.option > b.option ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.option);
}

/** OSA distance between a and b, or undefined when it exceeds `threshold` (early exit). */
export function lexicalDistance(a: string, b: string, threshold: number): number | undefined {
  if (a === b) return 0;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  if (Math.abs(x.length - y.length) > threshold) return undefined;
  // Three rolling rows: the transposition step looks two rows back.
  let prev2 = new Array<number>(y.length + 1).fill(0);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let cur = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    // Every later row is at least this row's minimum: stop once it is over the threshold.
    if (rowMin > threshold) return undefined;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  const distance = prev[y.length] as number;
  return distance <= threshold ? distance : undefined;
}
