import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { TextEncoding } from './read-delimited.ts';

export interface TextLine {
  /** 1-based physical line number. */
  readonly line: number;
  readonly text: string;
}

/**
 * Streams the non-blank lines of a text file with their 1-based line numbers (LF or CRLF endings),
 * one batch per 64 KiB read: per-line async iteration costs more than parsing a Taobao row does.
 *
 * Why not csv-parse for the Last.fm / Taobao files: neither uses quoting, and csv-parse measured
 * ~10 µs per row with `info: true` (0.9 s for Taobao's 84k rows) against ~1 µs for split-by-line.
 * UTF-8 is decoded leniently: invalid bytes become U+FFFD, which callers reject as bad_encoding.
 */
export async function* readLineBatches(path: string, encoding: TextEncoding): AsyncGenerator<readonly TextLine[]> {
  const decoder = iconv.getDecoder(encoding);
  let carry = '';
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const text = carry + decoder.write(chunk as Buffer);
    const batch: TextLine[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      line++;
      const content = stripCr(text.slice(start, nl));
      start = nl + 1;
      if (content !== '') batch.push({ line, text: content });
    }
    carry = text.slice(start);
    if (batch.length > 0) yield batch;
  }
  const last = stripCr(carry + (decoder.end() ?? ''));
  if (last !== '') yield [{ line: line + 1, text: last }];
}

/** Line-at-a-time view of {@link readLineBatches}, for small files where clarity beats speed. */
export async function* readLines(path: string, encoding: TextEncoding): AsyncGenerator<TextLine> {
  for await (const batch of readLineBatches(path, encoding)) yield* batch;
}

const stripCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);
