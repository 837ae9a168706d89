import { createReadStream } from 'node:fs';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { drainStream } from './drain-stream.ts';

export type TextEncoding = 'utf8' | 'latin1';

export interface DelimitedOptions {
  readonly delimiter: string;
  readonly encoding: TextEncoding;
  /** Honour RFC 4180 double quotes (CSV exports). Off for the TSV data sets, where `"` is ordinary text. */
  readonly quoted: boolean;
}

/**
 * One physical record with the 1-based line it starts on, or the parse error that stopped the file
 * (an unclosed quote leaves the parser nothing to resynchronise on, so the rest is not read).
 */
export type DelimitedRecord =
  | { readonly kind: 'fields'; readonly line: number; readonly fields: readonly string[] }
  | { readonly kind: 'fatal'; readonly line: number; readonly message: string };

/** The shape csv-parse yields with `info: true` (its stream is typed `any`). */
interface ParsedWithInfo {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Streams a delimited text file. Blank lines are skipped (they are not rows). Column counts are not
 * checked here: callers reject short/long rows themselves so they can say which file and line.
 * UTF-8 is decoded leniently (invalid bytes become U+FFFD, which callers reject as bad_encoding).
 */
export async function* readDelimited(path: string, options: DelimitedOptions): AsyncGenerator<DelimitedRecord> {
  const parser = parse({
    delimiter: options.delimiter,
    quote: options.quoted ? '"' : false,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  // pipeline() destroys every stage on the first error, so a read error surfaces in the loop below.
  const stream = pipeline(createReadStream(path), decodeToLf(options.encoding), parser, () => {});
  // The failing record starts after the last good one; csv-parse's own error line is where it gave up
  // (for an unclosed quote, the end of the file), which is not where the user should look.
  let lastEnd = 0;
  try {
    for await (const item of drainStream(stream)) {
      const { record, info } = item as ParsedWithInfo;
      lastEnd = info.lines;
      // info.lines is the line the record ends on; a quoted field may span several lines.
      yield { kind: 'fields', line: info.lines - countNewlines(record), fields: record };
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    yield { kind: 'fatal', line: lastEnd + 1, message: err.message };
  }
}

function countNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    if (!f.includes('\n')) continue;
    for (const ch of f) if (ch === '\n') n++;
  }
  return n;
}

/**
 * Decodes bytes to text and turns CRLF into LF: csv-parse miscounts lines on CRLF input, and line
 * numbers are what a rejection report is for. A CR at the end of a chunk is held back in case its LF
 * starts the next chunk.
 */
function decodeToLf(encoding: TextEncoding): Transform {
  const decoder = iconv.getDecoder(encoding);
  let heldCr = false;
  const normalise = (text: string): string => {
    let s = heldCr ? `\r${text}` : text;
    heldCr = s.endsWith('\r');
    if (heldCr) s = s.slice(0, -1);
    return s.includes('\r\n') ? s.replace(/\r\n/g, '\n') : s;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      done(null, normalise(decoder.write(chunk)));
    },
    flush(done: TransformCallback): void {
      const rest = normalise(decoder.end() ?? '');
      done(null, heldCr ? `${rest}\r` : rest);
    },
  });
}
