// The generated social review shop (src/sources/social-shop, preset `ciao` by default: 7,000 users, 90,000
// items, ~157k ratings, ~64k trust edges), written once per (preset, seed) as generic-format files under
// .data/social-shop/ and read back through the generic source (./generic.ts): the offline rows and the served
// evaluation (which loads the same folder with `grec load generic`'s source) see the same export
// (main.ts reads it with ./generic.ts loadGenericDataset).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';
import { generateSocialShop, SOCIAL_SHOP_FILES, socialShopPreset, writeSocialShop } from '../../sources/index.ts';

/** The folder holding the preset's files, generated on first use. */
export async function socialShopDir(preset: string, seed?: number): Promise<string> {
  const o = socialShopPreset(preset, seed === undefined ? {} : { seed });
  const dir = join(PROJECT_ROOT, '.data', 'social-shop', `${preset}-seed${o.seed}`);
  if (!SOCIAL_SHOP_FILES.every((f) => existsSync(join(dir, f)))) await writeSocialShop(generateSocialShop(o), dir);
  return dir;
}

