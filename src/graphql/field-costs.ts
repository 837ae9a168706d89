import type { PriceTable } from './operation-cost.ts';

/**
 * What the expensive fields cost against the per-request budget (GREC_MAX_COST, default 2000). Unlisted
 * object fields cost 1 (one batched loader call), scalars 0; `first` multiplies a page's selection.
 * - Population analytics read every event of the segment and window (6.9 s over 1M events on the
 *   benchmark machine): 300 each, so one request holds at most six of them (the README's dashboard query
 *   asks for five). Fields do not share their scans, so each is priced in full.
 * - A model refit reads the whole user-item graph and writes every embedding: it fits the default budget
 *   only alone (and only once at a time: single-flight is the use case's job).
 * - Recommendation fields score candidates for every requested result: a base for the user's state plus
 *   2 per result asked for, on top of the page's selection.
 * - Customer fields: clustering reads every profile and runs k-means for each k (22 s for 50k users on the
 *   benchmark machine); defining a segment reads every profile and recomputes it and the rules naming it:
 *   each only alone. Hot items and
 *   forecasts aggregate the events of a window (a population scan, like the analytics).
 */
export const FIELD_PRICES: PriceTable = {
  'Query.transitionMatrix': { base: 300 },
  'Query.sequenceProbability': { base: 300 },
  'Query.absorption': { base: 300 },
  'Query.conversionRate': { base: 300 },
  'Query.funnel': { base: 300 },
  'Query.nextState': { base: 50 },
  'Query.journey': { base: 10 },
  'Query.recommendations': { base: 20, perItem: 2 },
  'Query.friendRecommendations': { base: 10, perItem: 2 },
  'Query.similarItems': { base: 10, perItem: 2 },
  'Query.peopleYouMayKnow': { base: 10, perItem: 2 },
  'Mutation.refreshGraphModel': { base: 1500 },
  'Mutation.clusterCustomers': { base: 1500 },
  'Mutation.defineSegment': { base: 1000 },
  'Mutation.deleteSegment': { base: 10 },
  'Query.hotItems': { base: 300 },
  'Query.demandForecast': { base: 100 },
  'Query.customers': { base: 20, perItem: 2 },
  'Query.userProfile': { base: 5 },
  'Mutation.recordInteraction': { base: 5 },
  'Mutation.upsertUser': { base: 5 },
  'Mutation.upsertItem': { base: 5 },
  'Mutation.follow': { base: 5 },
  'Mutation.unfollow': { base: 5 },
  'Mutation.addFriend': { base: 5 },
  'Mutation.removeFriend': { base: 5 },
  // Experiment results aggregate every assigned user's impressions and events (a population scan).
  'Query.experimentResults': { base: 300 },
  'Query.experiments': { base: 5 },
  'Query.experiment': { base: 5 },
  'Mutation.createExperiment': { base: 10 },
  'Mutation.stopExperiment': { base: 5 },
  'Mutation.recordImpressions': { base: 5 },
  // Campaigns: nextBestOffer reads the user's facts with every running campaign of the channel, then the
  // campaign rates (every campaign impression, through an index); campaignAudience scores the whole audience
  // in memory (a population read, like the analytics). Its edges, nodes and pageInfo are in memory: only
  // `user` loads, so a page of 1000 members with their user fits the default budget.
  'Query.campaigns': { base: 10 },
  'Query.campaign': { base: 2 },
  'Query.nextBestOffer': { base: 20 },
  'Query.campaignAudience': { base: 300 },
  'CampaignAudienceConnection.edges': { base: 0 },
  'CampaignAudienceEdge.node': { base: 0 },
  'CampaignAudienceConnection.pageInfo': { base: 0 },
  'Mutation.createCampaign': { base: 10 },
  'Mutation.stopCampaign': { base: 5 },
  // Online metrics aggregate the impressions and attributed events of a window (up to 366 days); the model
  // freshness is read from memory.
  'Query.onlineMetrics': { base: 300 },
  // An analyst's statement may scan the graph like the population analytics.
  'Query.runCypher': { base: 300 },
  'Query.modelFreshness': { base: 1 },
};
