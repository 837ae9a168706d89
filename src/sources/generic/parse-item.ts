import type { Item } from '../../domain/entities.ts';
import { asCategoryId, asItemId, asTagId } from '../../domain/ids.ts';
import type { SourceRow } from '../../domain/ingest.ts';
import { isRejected } from '../shared/rejection.ts';
import { GENERIC_COLUMNS, type ColumnMapping, sourceColumn } from './generic-columns.ts';
import type { Draft, RowFields } from './row-fields.ts';

/**
 * items: id (required), title, price (>= 0), category and tags (lists), and every other column
 * becomes a string attribute (brand, colour, ...), empty cells skipped.
 */
export function parseItemRow(f: RowFields<'items'>, mapping: ColumnMapping): SourceRow {
  const id = f.id('id', 'missing_id');
  if (isRejected(id)) return id;
  const item: Draft<Item> = { id: asItemId(id) };
  const title = f.text('title');
  if (isRejected(title)) return title;
  if (title !== undefined) item.title = title;
  const price = f.number('price');
  if (isRejected(price)) return price;
  if (price !== undefined) {
    if (price < 0) return f.reject('negative_price', `${f.column('price')} ${price} is negative`, 'price');
    item.price = price;
  }
  const categories = f.idList('category');
  if (isRejected(categories)) return categories;
  if (categories !== undefined) item.categoryIds = categories.map(asCategoryId);
  const tags = f.idList('tags');
  if (isRejected(tags)) return tags;
  if (tags !== undefined) item.tagIds = tags.map(asTagId);
  const attributes = otherColumns(f, mapping);
  if (Object.keys(attributes).length > 0) item.attributes = attributes;
  return { kind: 'item', item };
}

function otherColumns(f: RowFields<'items'>, mapping: ColumnMapping): Record<string, string> {
  const canonical = new Set<string>(GENERIC_COLUMNS.items.map((c) => sourceColumn(mapping, 'items', c)));
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(f.row.values)) {
    if (canonical.has(name) || value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value.trim() : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (text !== '') attributes[name] = text;
  }
  return attributes;
}
