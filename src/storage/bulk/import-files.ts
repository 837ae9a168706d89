import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Dbl, type BulkGraph, type Props, type Rel, type Value } from './bulk-graph.ts';

/** One `--nodes=Label=file` or `--relationships=TYPE=file` argument of `neo4j-admin database import full`. */
export interface ImportFile {
  readonly kind: 'nodes' | 'relationships';
  /** Node label or relationship type. */
  readonly name: string;
  readonly path: string;
}

export interface ImportFiles {
  readonly files: readonly ImportFile[];
  /** Some string holds a line break: the importer must be told (`--multiline-fields`, slower). */
  readonly multiline: boolean;
}

type CsvType = 'string' | 'boolean' | 'long' | 'double';

/** The importer type that keeps a value's Neo4j type (the batched path's parameter rule, storage/values.ts). */
function typeOf(v: Value): CsvType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Dbl) return 'double';
  return Number.isSafeInteger(v) ? 'long' : 'double';
}

/**
 * Writes a BulkGraph as CSV files with import headers. A column has one type, while a property may hold a
 * long on one node and a double on another (prices 9 and 9.5): entities are therefore split into one file
 * per property signature (names and types), so every value keeps exactly the type the batched path stores.
 */
export function writeImportFiles(graph: BulkGraph, dir: string): ImportFiles {
  mkdirSync(dir, { recursive: true });
  const files: ImportFile[] = [];
  let multiline = false;
  const sinks = new Map<string, Sink>();
  const sink = (kind: ImportFile['kind'], name: string, header: string): Sink => {
    const key = `${kind}\u0000${name}\u0000${header}`;
    let s = sinks.get(key);
    if (s === undefined) {
      const path = join(dir, `${kind}-${name}-${sinks.size}.csv`);
      s = new Sink(path, header);
      sinks.set(key, s);
      files.push({ kind, name, path });
    }
    return s;
  };
  const cell = (v: Value): string => {
    if (typeof v === 'string') {
      if (v.includes('\n') || v.includes('\r')) multiline = true;
      return `"${v.replace(/"/g, '""')}"`;
    }
    if (v instanceof Dbl) return String(v.v);
    return String(v);
  };
  const columns = (props: Props, skip?: string): [string, string] => {
    const keys = [...props.keys()].filter((k) => k !== skip).sort();
    return [keys.map((k) => `${k}:${typeOf(props.get(k) as Value)}`).join(','), keys.map((k) => cell(props.get(k) as Value)).join(',')];
  };

  for (const [label, nodes] of Object.entries(graph.nodes)) {
    for (const [id, props] of nodes) {
      const [head, row] = columns(props, 'id');
      sink('nodes', label, `id:ID(${label})${head === '' ? '' : `,${head}`}`).line(`${cell(id)}${row === '' ? '' : `,${row}`}`);
    }
  }
  // Events are most of the rows: their few possible signatures (value, quantity present or not) are written without a Map per row.
  const ev = graph.eventRows;
  for (let k = 0; k < ev.ids.length; k++) {
    const value = ev.values[k];
    const quantity = ev.quantities[k];
    const ts = ev.ts[k] as number;
    let head = `id:ID(Event),ts:${typeOf(ts)},type:string`;
    let row = `${cell(ev.ids[k] as string)},${ts},${cell(ev.types[k] as string)}`;
    if (value !== undefined) {
      head += `,value:${typeOf(value)}`;
      row += `,${value}`;
    }
    if (quantity !== undefined) {
      head += `,quantity:${typeOf(quantity)}`;
      row += `,${quantity}`;
    }
    sink('nodes', 'Event', head).line(row);
  }
  const performed = sink('relationships', 'PERFORMED', ':START_ID(User),:END_ID(Event)');
  const on = sink('relationships', 'ON', ':START_ID(Event),:END_ID(Item)');
  for (let k = 0; k < ev.ids.length; k++) {
    const id = cell(ev.ids[k] as string);
    performed.line(`${cell(ev.userIds[k] as string)},${id}`);
    on.line(`${id},${cell(ev.itemIds[k] as string)}`);
  }
  const rels = (type: string, from: string, to: string, map: ReadonlyMap<string, Rel>): void => {
    for (const r of map.values()) {
      const [head, row] = columns(r.props);
      sink('relationships', type, `:START_ID(${from}),:END_ID(${to})${head === '' ? '' : `,${head}`}`)
        .line(`${cell(r.start)},${cell(r.end)}${row === '' ? '' : `,${row}`}`);
    }
  };
  rels('IN_CATEGORY', 'Item', 'Category', graph.inCategory);
  rels('HAS_TAG', 'Item', 'Tag', graph.hasTag);
  rels('INTERACTED', 'User', 'Item', graph.interacted);
  rels('FRIEND', 'User', 'User', graph.friends);
  rels('FOLLOWS', 'User', 'User', graph.follows);
  for (const s of sinks.values()) s.close();
  return { files, multiline };
}

/** A CSV file written through a 1 MB buffer (millions of lines). */
class Sink {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;

  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.line(header);
  }

  line(text: string): void {
    this.buf.push(text);
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }
}
