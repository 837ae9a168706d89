// Directed trust edges ("I trust this reviewer"), as on Epinions and Ciao: a share of users trusts nobody;
// the others trust a lognormal number of reviewers, mostly inside their own taste community (homophily, so
// trust predicts taste) and in proportion to a reviewer's activity^0.7 (prolific reviewers collect trust:
// a heavy-tailed in-degree). No self-trust, no duplicate edge.
import type { Rng } from '../demo/prng.ts';
import { cumulative, pickCumulative } from './catalogue.ts';
import type { Reviewer } from './population.ts';
import type { SocialShopOptions } from './social-shop-options.ts';

/** Per user, the users they trust (indices, in the order drawn). */
export function buildTrust(o: SocialShopOptions, users: readonly Reviewer[], rng: Rng): Int32Array[] {
  const reputation = users.map((u) => u.ratings ** 0.7);
  const all = cumulative(reputation);
  const members: number[][] = Array.from({ length: o.communities }, () => []);
  users.forEach((u, k) => members[u.community]!.push(k));
  const inCommunity = members.map((m) => ({ users: m, cum: cumulative(m.map((k) => reputation[k]!)) }));
  return users.map((u, k) => {
    if (rng.chance(o.noTrustShare)) return new Int32Array(0);
    const want = Math.min(users.length - 1, Math.max(1, Math.round(Math.exp(Math.log(o.medianTrust) + rng.normal()))));
    const own = inCommunity[u.community]!;
    const out = new Set<number>();
    for (let tries = 0; out.size < want && tries < want * 10; tries++) {
      const v = rng.chance(o.trustHomophily) && own.users.length > 1 ? own.users[pickCumulative(own.cum, rng.next())]! : pickCumulative(all, rng.next());
      if (v !== k) out.add(v);
    }
    return Int32Array.from(out);
  });
}
