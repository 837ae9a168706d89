// Influence per user: PageRank over the social graph (FRIEND both ways, FOLLOWS towards the followed),
// scaled so the average user scores 1 (src/algorithms/social).
import { pagerank } from '../../algorithms/social/pagerank.ts';
import { buildSocialGraph, influenceScore } from '../../algorithms/social/social-graph.ts';
import type { SocialLink } from '../../storage/profile-store.ts';

export function influenceByUser(links: readonly SocialLink[]): Map<string, number> {
  const graph = buildSocialGraph(links);
  const { rank } = pagerank(graph.offsets, graph.targets);
  const scores = influenceScore(rank);
  return new Map(graph.userIds.map((id, k) => [id, scores[k] ?? 0]));
}
