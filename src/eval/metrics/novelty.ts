// Novelty as mean self-information of recommended items (Zhou et al., PNAS 2010):
//   novelty = mean over lists and positions of -log2 p(i),  p(i) = max(pop(i), 1) / nUsers,
// pop(i) = number of training users with item i. Items never seen in training are given pop 1 (the most novel
// finite value) rather than Infinity. Lists are averaged per list first, then over lists; empty lists skipped.

export function novelty(lists: Iterable<ArrayLike<number>>, popularity: ArrayLike<number>, nUsers: number): number {
  let sum = 0;
  let n = 0;
  for (const l of lists) {
    if (l.length === 0) continue;
    let s = 0;
    for (let t = 0; t < l.length; t++) s -= Math.log2(Math.max(popularity[l[t] as number] as number, 1) / nUsers);
    sum += s / l.length;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}
