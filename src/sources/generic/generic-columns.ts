/** The files a generic export may hold; each is optional. */
export const GENERIC_TABLES = ['users', 'items', 'interactions', 'social'] as const;
export type GenericTable = (typeof GENERIC_TABLES)[number];

/** Canonical column names per table (see GENERIC_FORMAT_DOC for meanings). */
export const GENERIC_COLUMNS = {
  users: ['id', 'name', 'age', 'gender', 'location', 'consent', 'consentPersonalisation', 'consentSocial', 'consentAnalytics', 'consentMarketing'],
  items: ['id', 'title', 'price', 'category', 'tags'],
  interactions: ['id', 'userId', 'itemId', 'type', 'ts', 'value', 'quantity'],
  social: ['from', 'to', 'kind'],
} as const satisfies Record<GenericTable, readonly string[]>;

export type GenericColumn<T extends GenericTable> = (typeof GENERIC_COLUMNS)[T][number];

/**
 * Renames per table: canonical column -> the column name in the shop's file, e.g.
 * `{ interactions: { userId: 'customer', itemId: 'sku', type: 'action', ts: 'time' } }`.
 * Unmapped canonical columns keep their canonical name.
 */
export type ColumnMapping = {
  readonly [T in GenericTable]?: Readonly<Partial<Record<GenericColumn<T>, string>>>;
};

/** The file column that holds canonical column `column` of `table`. */
export function sourceColumn<T extends GenericTable>(mapping: ColumnMapping, table: T, column: GenericColumn<T>): string {
  const renames: Readonly<Partial<Record<string, string>>> | undefined = mapping[table];
  return renames?.[column] ?? column;
}
