// The data set's own product source (the loader `grec load` runs) with one split's held-out pairs left
// out, so that the store the served evaluation loads holds exactly the training pairs: events and
// aggregates of a held-out (user, item) pair are dropped, everything else (users, items, categories, tags,
// friendships) is loaded as a shop would load it. Last.fm also drops the user's own tag assignments to a
// held-out artist, as the offline inputs do (src/eval/hybrid/served-inputs.ts).
import { join } from 'node:path';
import type { DataSource, SourceRow } from '../../domain/ingest.ts';
import { createDemoSource, demoPreset } from '../../sources/demo/demo-source.ts';
import { createLastfmSource } from '../../sources/lastfm/lastfm-source.ts';
import { createTaobaoSource } from '../../sources/taobao/taobao-source.ts';
import { createGenericSource } from '../../sources/generic/generic-source.ts';
import type { Dataset } from '../datasets/dataset.ts';
import type { EvalContext } from '../context.ts';

/** social-shop: a generic-format folder (the generated social review shop), loaded by the generic source. */
export type ServedDataset = 'lastfm' | 'taobao' | 'demo' | 'social-shop';

/** How the product's loader names the data set's raw ids. */
export interface ProductIds {
  user(u: number): string;
  item(i: number): string;
}

export function productIds(name: ServedDataset, ds: Dataset): ProductIds {
  switch (name) {
    case 'lastfm': return { user: (u) => `lfm-u${ds.userIds[u]}`, item: (i) => `lfm-a${ds.itemIds[i]}` };
    case 'taobao': return { user: (u) => `tb-u${ds.userIds[u]}`, item: (i) => `tb-i${ds.itemIds[i]}` };
    case 'demo':
    case 'social-shop': return { user: (u) => ds.userIds[u]!, item: (i) => ds.itemIds[i]! };
  }
}

/** Product "user\0item" keys of the split's valid and test pairs. */
export function heldOutKeys(ctx: EvalContext, ids: ProductIds): Set<string> {
  const keys = new Set<string>();
  for (const sets of [ctx.valid, ctx.test]) sets.forEach((items, u) => items.forEach((i) => keys.add(`${ids.user(u)}\u0000${ids.item(i)}`)));
  return keys;
}

export interface HeldOutSource {
  readonly source: DataSource;
  /** Event and aggregate records (and Last.fm's own tag assignments) left out so far. */
  dropped(): number;
}

/** dataDir: the data sets' folder (GREC_DATA_DIR), or for social-shop the generic-format folder itself. */
export function heldOutSource(name: ServedDataset, dataDir: string, heldOut: ReadonlySet<string>): HeldOutSource {
  // Last.fm leaves its pairs out inside the source (its tag assignments too): counted here.
  let inSource = 0;
  const excludePair = (u: number, a: number): boolean => heldOut.has(`lfm-u${u}\u0000lfm-a${a}`) && ++inSource > 0;
  const inner: DataSource =
    name === 'lastfm' ? createLastfmSource({ dir: join(dataDir, 'lastfm-hetrec-2k'), excludePair })
    : name === 'taobao' ? createTaobaoSource({ file: join(dataDir, 'taobao-userbehavior', 'UserBehavior_prefix_814users.csv') })
    : name === 'social-shop' ? createGenericSource({ dir: dataDir })
    : createDemoSource(demoPreset('small'));
  const wrapped = withoutHeldOut(inner, heldOut);
  return { source: wrapped.source, dropped: () => wrapped.dropped() + inSource };
}

/** `inner` without the events and aggregates of held-out (user, item) pairs. */
export function withoutHeldOut(inner: DataSource, heldOut: ReadonlySet<string>): HeldOutSource {
  const held = (user: string, item: string): boolean => heldOut.has(`${user}\u0000${item}`);
  let dropped = 0;
  const keep = (r: SourceRow): boolean => {
    const pair = r.kind === 'event' ? r.event : r.kind === 'aggregate' ? r.interaction : undefined;
    if (pair === undefined || !held(pair.userId, pair.itemId)) return true;
    dropped++;
    return false;
  };
  return {
    source: {
      name: `${inner.name} (training pairs)`,
      ...(inner.estimatedRows === undefined ? {} : { estimatedRows: inner.estimatedRows }),
      async *rows() {
        for await (const r of inner.rows()) if (keep(r)) yield r;
      },
    },
    dropped: () => dropped,
  };
}
