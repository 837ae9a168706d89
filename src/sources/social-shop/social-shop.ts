// A seeded sparse social review shop, Epinions/Ciao-like (Massa & Avesani 2007; Tang et al. 2012): reviewers
// rate items 1-5 and trust other reviewers. What makes each strategy's signal, by construction:
//   GRAPH    co-ratings: users of one taste community draw from the same popular items of the same niches;
//   CONTENT  an item's category and niche tags predict who rates it (./population.ts pickCategory/pickNiche);
//   SOCIAL   trust is homophilous (./trust-graph.ts), and 30 % of a trusting user's ratings copy an item a
//            trustee rated, shortly after them (social influence, the signal trust-aware models exploit);
//   POPULAR  item popularity is heavy-tailed (./catalogue.ts).
// Ratings: 3.6 + item quality + 0.7 on a favoured niche (-0.4 otherwise) + 0.3 when copied + N(0, 0.9),
// rounded into 1..5 (most ratings are 4-5, as on review sites). One rating per (user, item). Deterministic:
// every part draws from its own seeded stream (../demo/prng.ts), each user's ratings from their own.
import { rngFor } from '../demo/prng.ts';
import { buildCatalogue, pickCumulative } from './catalogue.ts';
import { buildPopulation, likesNiche, pickCategory, pickNiche } from './population.ts';
import type { SocialShopOptions } from './social-shop-options.ts';
import { buildTrust } from './trust-graph.ts';

export interface SocialShop {
  readonly options: SocialShopOptions;
  readonly userIds: readonly string[];
  readonly items: readonly { readonly id: string; readonly title: string; readonly price: number; readonly category: string; readonly tags: readonly string[] }[];
  /** One entry per rating, ordered by time (ties: user, item); ts in epoch seconds. */
  readonly ratings: { readonly users: Int32Array; readonly items: Int32Array; readonly values: Uint8Array; readonly ts: Float64Array };
  /** Directed trust edges (truster -> trusted), by truster. */
  readonly trust: { readonly from: Int32Array; readonly to: Int32Array };
}

const STREAMS = { catalogue: 101, population: 102, trust: 103, own: 104, copied: 105 } as const;
const DAY = 86_400;

export function generateSocialShop(o: SocialShopOptions): SocialShop {
  const catalogue = buildCatalogue(o, rngFor(o.seed, STREAMS.catalogue));
  const { communities, users } = buildPopulation(o, rngFor(o.seed, STREAMS.population));
  const trust = buildTrust(o, users, rngFor(o.seed, STREAMS.trust));
  const span = o.days * DAY;
  const start = Date.parse(`${o.start}T00:00:00Z`) / 1000;
  const rated = users.map(() => new Map<number, { value: number; ts: number }>());
  const ownItems: number[][] = users.map(() => []);
  const rating = (u: number, i: number, copied: boolean, rng: ReturnType<typeof rngFor>): number => {
    const it = catalogue.items[i]!;
    const liked = likesNiche(users[u]!, communities[users[u]!.community]!, it.category, it.niche);
    const r = 3.6 + it.quality + (liked ? 0.7 : -0.4) + (copied ? 0.3 : 0) + 0.9 * rng.normal();
    return Math.min(5, Math.max(1, Math.round(r)));
  };
  // Own taste first, for everyone: the copies below read the trustees' own ratings.
  users.forEach((u, k) => {
    const rng = rngFor(o.seed, STREAMS.own, k);
    const c = communities[u.community]!;
    const own = trust[k]!.length > 0 ? Math.max(1, Math.round(u.ratings * (1 - o.socialShare))) : u.ratings;
    for (let tries = 0; ownItems[k]!.length < own && tries < own * 20; tries++) {
      const cat = pickCategory(u, c, o.categories, rng);
      const cell = catalogue.cells[cat * o.subtags + pickNiche(u, c, cat, o.subtags, rng)]!;
      if (cell.items.length === 0) continue;
      const i = cell.items[pickCumulative(cell.cum, rng.next())]!;
      if (rated[k]!.has(i)) continue;
      rated[k]!.set(i, { value: rating(k, i, false, rng), ts: u.joined + rng.next() * (span - u.joined) });
      ownItems[k]!.push(i);
    }
  });
  // Then the copies: an item a trustee rated, some days after them (never before joining, never after the end).
  users.forEach((u, k) => {
    const trustees = [...trust[k]!].filter((v) => ownItems[v]!.length > 0);
    if (trustees.length === 0) return;
    const rng = rngFor(o.seed, STREAMS.copied, k);
    const want = u.ratings - ownItems[k]!.length;
    let added = 0;
    for (let tries = 0; added < want && tries < want * 20; tries++) {
      const v = trustees[rng.int(trustees.length)]!;
      const i = ownItems[v]![rng.int(ownItems[v]!.length)]!;
      if (rated[k]!.has(i)) continue;
      const after = rated[v]!.get(i)!.ts + rng.exponential(20 * DAY);
      rated[k]!.set(i, { value: rating(k, i, true, rng), ts: Math.min(span - 1, Math.max(u.joined, after)) });
      added++;
    }
  });
  const all: { u: number; i: number; value: number; ts: number }[] = [];
  rated.forEach((m, u) => m.forEach((r, i) => all.push({ u, i, value: r.value, ts: start + Math.floor(r.ts) })));
  all.sort((a, b) => a.ts - b.ts || a.u - b.u || a.i - b.i);
  const from: number[] = [];
  const to: number[] = [];
  trust.forEach((vs, k) => vs.forEach((v) => (from.push(k), to.push(v))));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const uw = String(o.users).length;
  const iw = String(o.items).length;
  return {
    options: o,
    userIds: users.map((_, k) => `su${pad(k + 1, uw)}`),
    items: catalogue.items.map((it, k) => ({
      id: `si${pad(k + 1, iw)}`,
      title: `Item ${k + 1}`,
      price: it.price,
      category: `cat${it.category + 1}`,
      tags: [it.niche, ...(it.second >= 0 ? [it.second] : [])].map((s) => `cat${it.category + 1}-n${s + 1}`),
    })),
    ratings: {
      users: Int32Array.from(all, (r) => r.u), items: Int32Array.from(all, (r) => r.i),
      values: Uint8Array.from(all, (r) => r.value), ts: Float64Array.from(all, (r) => r.ts),
    },
    trust: { from: Int32Array.from(from), to: Int32Array.from(to) },
  };
}
