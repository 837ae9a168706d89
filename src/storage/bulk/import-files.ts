import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractionEvent } from '../../domain/events.ts';
import { Dbl, type BulkGraph, type EventSink, type Props, type Rel, type Value } from './bulk-graph.ts';

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
 * Events are written as they arrive (`add`, the graph's EventSink), the rest once the source is read (`finish`).
 */
export class ImportFileWriter implements EventSink {
  private readonly files: ImportFile[] = [];
  private readonly sinks = new Map<string, Sink>();
  private multiline = false;
  private readonly eventSinks = new Map<number, Sink>();
  private performed: Sink | undefined;
  private on: Sink | undefined;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** One event: its node (a few possible signatures: value, quantity present or not), PERFORMED and ON. */
  add(e: InteractionEvent): void {
    const id = this.cell(e.id);
    let row = `${id},${e.ts},${this.cell(e.type)}`;
    if (e.value !== undefined) row += `,${e.value}`;
    if (e.quantity !== undefined) row += `,${e.quantity}`;
    // The file is found by a small number (the signature's types), not a header string built per event.
    const code = typeCode(e.ts) * 25 + (e.value === undefined ? 0 : typeCode(e.value)) * 5 + (e.quantity === undefined ? 0 : typeCode(e.quantity));
    let sink = this.eventSinks.get(code);
    if (sink === undefined) {
      let head = `id:ID(Event),ts:${typeOf(e.ts)},type:string`;
      if (e.value !== undefined) head += `,value:${typeOf(e.value)}`;
      if (e.quantity !== undefined) head += `,quantity:${typeOf(e.quantity)}`;
      sink = this.sink('nodes', 'Event', head);
      this.eventSinks.set(code, sink);
    }
    sink.line(row);
    this.performed ??= this.sink('relationships', 'PERFORMED', ':START_ID(User),:END_ID(Event)');
    this.on ??= this.sink('relationships', 'ON', ':START_ID(Event),:END_ID(Item)');
    this.performed.line(`${this.cell(e.userId)},${id}`);
    this.on.line(`${id},${this.cell(e.itemId)}`);
  }

  /** Writes the graph's nodes and relationships (and the events it held, if any) and closes every file. */
  finish(graph: BulkGraph): ImportFiles {
    for (const e of graph.heldEvents) this.add(e);
    for (const [label, nodes] of Object.entries(graph.nodes)) {
      for (const [id, props] of nodes) {
        const [head, row] = this.columns(props, 'id');
        this.sink('nodes', label, `id:ID(${label})${head === '' ? '' : `,${head}`}`).line(`${this.cell(id)}${row === '' ? '' : `,${row}`}`);
      }
    }
    this.rels('IN_CATEGORY', 'Item', 'Category', graph.inCategory);
    this.rels('HAS_TAG', 'Item', 'Tag', graph.hasTag);
    this.rels('INTERACTED', 'User', 'Item', graph.interacted);
    this.rels('FRIEND', 'User', 'User', graph.friends);
    this.rels('FOLLOWS', 'User', 'User', graph.follows);
    for (const s of this.sinks.values()) s.close();
    return { files: this.files, multiline: this.multiline };
  }

  private rels(type: string, from: string, to: string, map: ReadonlyMap<string, Rel>): void {
    for (const r of map.values()) {
      const [head, row] = this.columns(r.props);
      this.sink('relationships', type, `:START_ID(${from}),:END_ID(${to})${head === '' ? '' : `,${head}`}`)
        .line(`${this.cell(r.start)},${this.cell(r.end)}${row === '' ? '' : `,${row}`}`);
    }
  }

  private sink(kind: ImportFile['kind'], name: string, header: string): Sink {
    const key = `${kind}\u0000${name}\u0000${header}`;
    let s = this.sinks.get(key);
    if (s === undefined) {
      const path = join(this.dir, `${kind}-${name}-${this.sinks.size}.csv`);
      s = new Sink(path, header);
      this.sinks.set(key, s);
      this.files.push({ kind, name, path });
    }
    return s;
  }

  private cell(v: Value): string {
    if (typeof v === 'string') {
      // Most strings (ids, types) need no escaping: one scan instead of three.
      if (NEEDS_CARE.test(v)) {
        if (v.includes('\n') || v.includes('\r')) this.multiline = true;
        return `"${v.replace(/"/g, '""')}"`;
      }
      return `"${v}"`;
    }
    if (v instanceof Dbl) return String(v.v);
    return String(v);
  }

  private columns(props: Props, skip?: string): [string, string] {
    const keys = [...props.keys()].filter((k) => k !== skip).sort();
    return [keys.map((k) => `${k}:${typeOf(props.get(k) as Value)}`).join(','), keys.map((k) => this.cell(props.get(k) as Value)).join(',')];
  }
}

const NEEDS_CARE = /["\n\r]/;

/** typeOf as a small number (1-4), for signature keys. */
function typeCode(v: Value): number {
  const t = typeOf(v);
  return t === 'string' ? 1 : t === 'boolean' ? 2 : t === 'long' ? 3 : 4;
}

/** The whole graph at once (events held in memory): small loads and tests. */
export function writeImportFiles(graph: BulkGraph, dir: string): ImportFiles {
  return new ImportFileWriter(dir).finish(graph);
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
