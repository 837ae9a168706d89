// The planted truth the simulator's shoppers follow. The demo shop plants communities of users who prefer
// a few categories (src/sources/demo/population.ts); a simulated shopper clicks an item shown at position k
// with probability decay(k) x (relevantClick if the item's category is one their community prefers, else
// otherClick), and buys a clicked item with probability buyGivenClick. So the probability that a page
// converts the user is known exactly, for any page:
//   P(convert | page) = 1 - prod_k (1 - decay(k) c(u, i_k) b),   decay(k) = 1 / log2(k + 1)
// (the DCG position discount). The true conversion rate of a strategy over a set of users is the mean of
// that over the pages the strategy serves them, which gives the true lift the experiment should find.
import { asUserId, type CategoryId, type UserId } from '../domain/ids.ts';
import { invalidInput } from '../domain/errors.ts';
import { resolveDemoOptions, type DemoOptions } from '../sources/demo/demo-options.ts';
import { buildPopulation } from '../sources/demo/population.ts';
import type { Rng } from '../sources/demo/prng.ts';

export interface ClickModel {
  /** P(click) at position 1 for an item in one of the user's preferred categories. */
  readonly relevantClick: number;
  /** P(click) at position 1 for any other item. */
  readonly otherClick: number;
  /** P(purchase | click). */
  readonly buyGivenClick: number;
}

export const DEFAULT_CLICK_MODEL: ClickModel = { relevantClick: 0.25, otherClick: 0.03, buyGivenClick: 0.3 };

/** What a shopper sees of an item on a page. */
export interface ShownItem {
  readonly itemId: string;
  readonly categoryIds: readonly string[];
}

/** What a shopper did on a page: positions (from 1) clicked and bought. */
export interface PageReaction {
  readonly clicked: readonly number[];
  readonly bought: readonly number[];
}

const decay = (position: number): number => 1 / Math.log2(position + 1);

export class PlantedShoppers {
  private readonly preferredOf: ReadonlyMap<UserId, ReadonlySet<CategoryId>>;

  constructor(demo: DemoOptions, readonly model: ClickModel = DEFAULT_CLICK_MODEL) {
    const o = resolveDemoOptions(demo);
    const population = buildPopulation(o);
    const preferred = new Map<UserId, ReadonlySet<CategoryId>>();
    population.userIds.forEach((id, u) => {
      const cats = population.preferred[population.community[u] ?? 0] ?? new Uint32Array();
      preferred.set(id, new Set([...cats].map((c) => `c${c + 1}` as CategoryId)));
    });
    this.preferredOf = preferred;
  }

  get userIds(): UserId[] {
    return [...this.preferredOf.keys()];
  }

  /** P(click) for `item` shown to `userId` at `position` (from 1). */
  clickProbability(userId: string, item: ShownItem, position: number): number {
    const preferred = this.preferredOf.get(asUserId(userId));
    if (preferred === undefined) throw invalidInput(`no planted shopper '${userId}'`, { userId });
    const relevant = item.categoryIds.some((c) => preferred.has(c as CategoryId));
    return decay(position) * (relevant ? this.model.relevantClick : this.model.otherClick);
  }

  /** P(the user buys at least one item of the page); items in page order from `firstPosition`. */
  conversionProbability(userId: string, items: readonly ShownItem[], firstPosition = 1): number {
    let none = 1;
    items.forEach((item, k) => {
      none *= 1 - this.clickProbability(userId, item, firstPosition + k) * this.model.buyGivenClick;
    });
    return 1 - none;
  }

  /** One draw of the user's behaviour on the page, with the same probabilities. */
  react(userId: string, items: readonly ShownItem[], rng: Rng, firstPosition = 1): PageReaction {
    const clicked: number[] = [];
    const bought: number[] = [];
    items.forEach((item, k) => {
      const position = firstPosition + k;
      if (rng.chance(this.clickProbability(userId, item, position))) {
        clicked.push(position);
        if (rng.chance(this.model.buyGivenClick)) bought.push(position);
      }
    });
    return { clicked, bought };
  }
}
