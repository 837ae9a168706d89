// The parameters each Cypher strategy file receives from the API, besides userId, the filter block and
// limit. They equal the `// :param` lines documented in cypher/recs/*.cypher (a test checks it), so an analyst
// running a file as documented gets the API's ranking.
import type { StrategyParams } from '../../storage/recs-store.ts';
import type { RecsConfig } from './config.ts';

export type CypherSource = 'POPULAR' | 'TRENDING' | 'ITEM_CF' | 'USER_CF' | 'CONTENT' | 'SOCIAL';

export function strategyParams(source: CypherSource, cfg: RecsConfig, now: number): StrategyParams {
  const b = cfg.cypherBounds;
  switch (source) {
    case 'POPULAR':
      return { now, halfLifeMs: cfg.popular.halfLifeMs };
    case 'TRENDING':
      return { now, windowMs: cfg.trending.windowMs, halfLifeMs: cfg.trending.halfLifeMs };
    case 'ITEM_CF':
      return { historyItems: b.historyItems, coUsersPerItem: b.coUsersPerItem, candidates: b.candidates, viaLimit: cfg.viaLimit };
    case 'USER_CF':
      return {
        historyItems: b.historyItems, coUsersPerItem: b.coUsersPerItem, neighbours: cfg.userCf.neighbours, viaLimit: cfg.viaLimit,
        consentDefaults: { ...cfg.consentDefaults },
      };
    case 'CONTENT':
      return { ...cfg.content, candidates: b.candidates, viaLimit: cfg.viaLimit };
    case 'SOCIAL':
      return {
        now, halfLifeMs: cfg.social.halfLifeMs, friendWeight: cfg.social.friendWeight, followWeight: cfg.social.followWeight, tieItems: b.tieItems,
        viaLimit: cfg.viaLimit, consentDefaults: { ...cfg.consentDefaults },
      };
  }
}

export function peopleParams(cfg: RecsConfig): StrategyParams {
  return {
    mutualWeight: cfg.people.mutualWeight, tasteWeight: cfg.people.tasteWeight, historyItems: cfg.cypherBounds.historyItems,
    coUsersPerItem: cfg.cypherBounds.coUsersPerItem, viaLimit: cfg.viaLimit, consentDefaults: { ...cfg.consentDefaults },
  };
}

/** similar-items.cypher's parameters besides itemId and limit. */
export function similarParams(cfg: RecsConfig): StrategyParams {
  return { coUsersPerItem: cfg.cypherBounds.coUsersPerItem, candidates: cfg.cypherBounds.candidates };
}

/** item-cf-neighbours.cypher's parameters besides userId, the filter block and limit (the lists replace the other caps). */
export function itemCfNeighbourParams(cfg: RecsConfig): StrategyParams {
  return { historyItems: cfg.cypherBounds.historyItems, viaLimit: cfg.viaLimit };
}
