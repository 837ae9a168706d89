// Writes a generated social shop as a shop's own export in the generic format (docs/generic-format.md), so
// it is loaded the way a new user would load theirs: `grec load generic --dir <dir>`.
//   users.csv         id,name
//   items.csv         id,title,price,category,tags          (tags `|`-separated: the niche, maybe a second)
//   interactions.csv  id,userId,itemId,type,ts,value        (type rating, value 1-5, ts ISO-8601 UTC)
//   social.csv        from,to,kind                          (kind follow: directed trust)
// Rows are written through one stream per file; ids and tags hold no separator, so no field needs quoting.
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { SocialShop } from './social-shop.ts';

export const SOCIAL_SHOP_FILES = ['users.csv', 'items.csv', 'interactions.csv', 'social.csv'] as const;

export async function writeSocialShop(shop: SocialShop, dir: string): Promise<{ readonly rows: Readonly<Record<string, number>> }> {
  mkdirSync(dir, { recursive: true });
  const rows: Record<string, number> = {};
  const file = async (name: string, header: string, n: number, line: (k: number) => string): Promise<void> => {
    const out = createWriteStream(join(dir, name));
    out.write(`${header}\n`);
    for (let k = 0; k < n; k++) if (!out.write(`${line(k)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    rows[name] = n;
  };
  await file('users.csv', 'id,name', shop.userIds.length, (k) => `${shop.userIds[k]},Reviewer ${k + 1}`);
  await file('items.csv', 'id,title,price,category,tags', shop.items.length, (k) => {
    const it = shop.items[k]!;
    return `${it.id},${it.title},${it.price},${it.category},${it.tags.join('|')}`;
  });
  const r = shop.ratings;
  await file('interactions.csv', 'id,userId,itemId,type,ts,value', r.users.length, (k) =>
    `r${k + 1},${shop.userIds[r.users[k]!]},${shop.items[r.items[k]!]!.id},rating,${new Date(r.ts[k]! * 1000).toISOString()},${r.values[k]}`);
  await file('social.csv', 'from,to,kind', shop.trust.from.length, (k) => `${shop.userIds[shop.trust.from[k]!]},${shop.userIds[shop.trust.to[k]!]},follow`);
  return { rows };
}
