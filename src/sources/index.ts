// Public surface of the sources layer: pure parsing/generation of ingest rows, no database code.
import type { DataSource } from '../domain/ingest.ts';
import type { DemoOptions } from './demo/demo-options.ts';
import { createDemoSource } from './demo/demo-source.ts';
import { type GenericSourceOptions, createGenericSource } from './generic/generic-source.ts';
import { type LastfmSourceOptions, createLastfmSource } from './lastfm/lastfm-source.ts';
import { type TaobaoSourceOptions, createTaobaoSource } from './taobao/taobao-source.ts';

export interface SourceOptionsByName {
  readonly demo: DemoOptions;
  readonly lastfm: LastfmSourceOptions;
  readonly taobao: TaobaoSourceOptions;
  readonly generic: GenericSourceOptions;
}
export type SourceName = keyof SourceOptionsByName;
export const SOURCE_NAMES = ['demo', 'lastfm', 'taobao', 'generic'] as const satisfies readonly SourceName[];

const FACTORIES: { readonly [N in SourceName]: (options: SourceOptionsByName[N]) => DataSource } = {
  demo: createDemoSource,
  lastfm: createLastfmSource,
  taobao: createTaobaoSource,
  generic: createGenericSource,
};

/** The source called `name`, configured by that source's own options (validated by the source). */
export function createSource<N extends SourceName>(name: N, options: SourceOptionsByName[N]): DataSource {
  const factory: (options: SourceOptionsByName[N]) => DataSource = FACTORIES[name];
  return factory(options);
}

export { createDemoSource, demoPreset } from './demo/demo-source.ts';
export { DEMO_PRESETS, type DemoOptions, type DemoPreset } from './demo/demo-options.ts';
export { CHAIN_STATES, PLANTED_CHAIN, type ChainFrom, type ChainState, type ChainTo } from './demo/planted-chain.ts';
export { DEMO_SESSION_GAP_MS } from './demo/sessions.ts';
export { createLastfmSource, type LastfmSourceOptions } from './lastfm/lastfm-source.ts';
export { createTaobaoSource, type TaobaoSourceOptions } from './taobao/taobao-source.ts';
export { createGenericSource, type GenericSourceOptions } from './generic/generic-source.ts';
export { GENERIC_COLUMNS, GENERIC_TABLES, type ColumnMapping, type GenericTable } from './generic/generic-columns.ts';
export { GENERIC_FORMAT_DOC } from './generic/format-doc.ts';
export type { BatchedDataSource } from './shared/batched-source.ts';
export { generateSocialShop, type SocialShop } from './social-shop/social-shop.ts';
export { SOCIAL_SHOP_PRESETS, socialShopPreset, type SocialShopOptions, type SocialShopPreset } from './social-shop/social-shop-options.ts';
export { SOCIAL_SHOP_FILES, writeSocialShop } from './social-shop/write-generic.ts';
