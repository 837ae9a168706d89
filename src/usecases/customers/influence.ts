// Influence per user: PageRank over the social graph (FRIEND both ways, FOLLOWS towards the followed),
// scaled so the average user scores 1 (src/algorithms/social). Users without ties get the teleport share.
import { pageRank } from '../../algorithms/social/pagerank.ts';
import { influenceScore } from '../../algorithms/social/influence-score.ts';
import { buildSocialGraph } from '../../algorithms/social/social-graph.ts';
import type { SocialLink } from '../../storage/profile-store.ts';

/** Bipartite-like friend graphs converge slowly (the power iteration oscillates); 1000 rounds reach 1e-10. */
const MAX_ITERATIONS = 1000;

export function influenceByUser(userIds: readonly string[], links: readonly SocialLink[]): Map<string, number> {
  const known = new Set(userIds);
  // Links come from the graph, users from the profiles run's pages: a user created in between is left out.
  const graph = buildSocialGraph(userIds, links.filter((l) => known.has(l.from) && known.has(l.to)));
  const { rank } = pageRank(graph, { maxIterations: MAX_ITERATIONS });
  const scores = influenceScore(rank);
  return new Map(graph.userIds.map((id, k) => [id, scores[k] ?? 0]));
}
