// recommendationId: a signed, self-describing name for one served page or offer. Serving writes nothing
// (a page costs no extra round trip and no write, so throughput is unchanged); the id carries who was
// served what, when, under which strategy, experiment variant or campaign, and a 32-bit hash per item in
// page order, so recordImpressions and recordInteraction can check that an item was on the page and learn
// its position without any stored page. The HMAC (SHA-256, truncated to 128 bits) makes forged or edited
// ids fail: a client cannot attribute a purchase to a variant that never served it.
// Format: `r1.<base64url JSON>.<base64url MAC>`, ~150 characters plus 6 per item.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { invalidInput } from '../../domain/errors.ts';
import type { ItemId } from '../../domain/ids.ts';
import { asUserId } from '../../domain/ids.ts';
import type { ServedPage, Surface } from '../../domain/loop.ts';

const VERSION = 'r1';
const MAC_BYTES = 16;
/** A page has at most MAX_FIRST (100) items; offers fewer. Bounds what a client can make us parse. */
const MAX_ID_LENGTH = 4096;

/** A decoded id: the page without its item ids (only their hashes travel). */
export interface DecodedPage extends Omit<ServedPage, 'itemIds'> {
  readonly recommendationId: string;
  readonly itemHashes: readonly number[];
}

interface Payload {
  readonly s: Surface;
  readonly u: string;
  readonly t: number;
  readonly g: string | null;
  readonly e: string | null;
  readonly v: string | null;
  readonly c: string | null;
  readonly o: number;
  readonly h: string;
}

export class RecommendationIds {
  private readonly key: Buffer;

  /** `secret`: GREC_REC_ID_KEY, or a key derived from the erasure salt (main.ts); every replica needs the same. */
  constructor(secret: string) {
    if (secret.length < 16) throw invalidInput('the recommendation id key must be at least 16 characters');
    this.key = createHmac('sha256', secret).update('grec recommendation ids v1').digest();
  }

  encode(page: ServedPage): string {
    const payload: Payload = {
      s: page.surface, u: page.userId, t: page.servedAt, g: page.strategy, e: page.experimentKey, v: page.variant,
      c: page.campaignId, o: page.offset, h: packHashes(page.itemIds),
    };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${VERSION}.${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The page an id names; INVALID_INPUT (naming `field`) when it is malformed or was not signed by us. */
  decode(id: string, field = 'recommendationId'): DecodedPage {
    const bad = (why: string) => invalidInput(`${field} is not a recommendation id this service issued (${why})`, { field });
    if (id.length > MAX_ID_LENGTH) throw bad('too long');
    const parts = id.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) throw bad('malformed');
    const [, body, mac] = parts as [string, string, string];
    // Compared as text, not as decoded bytes: base64 decoding ignores stray characters and the unused low
    // bits of the last one, so many strings decode to one MAC. Only the canonical one is accepted, so a page
    // has exactly one id (impressions are keyed by it: variants of an id would count a page twice).
    const given = Buffer.from(mac, 'utf8');
    const expected = Buffer.from(this.mac(body).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw bad('bad signature');
    let p: Payload;
    try {
      p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      throw bad('malformed');
    }
    return {
      recommendationId: id, surface: p.s, userId: asUserId(p.u), servedAt: p.t, strategy: p.g, experimentKey: p.e,
      variant: p.v, campaignId: p.c, offset: p.o, itemHashes: unpackHashes(p.h),
    };
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, MAC_BYTES);
  }
}

/** Position from 1 of `itemId` on the decoded page, or null when it was not on it. */
export function positionOnPage(page: DecodedPage, itemId: ItemId): number | null {
  const k = page.itemHashes.indexOf(itemHash(itemId));
  return k < 0 ? null : page.offset + k + 1;
}

/**
 * First 32 bits of SHA-256 of the id. A false "was on the page" needs a collision with one of at most 100
 * hashes (p <= 100 / 2^32 per check), and the MAC keeps clients from choosing the hashes.
 */
export function itemHash(itemId: string): number {
  let h = hashes.get(itemId);
  if (h === undefined) {
    h = createHash('sha256').update(itemId, 'utf8').digest().readUInt32BE(0);
    // Every served page hashes its 20-odd items: remembered, since a catalogue's ids repeat page after page
    // (bounded: emptied when full, so a stream of new ids costs what it did without the map).
    if (hashes.size >= MAX_REMEMBERED_HASHES) hashes.clear();
    hashes.set(itemId, h);
  }
  return h;
}

const MAX_REMEMBERED_HASHES = 100_000;
const hashes = new Map<string, number>();

function packHashes(itemIds: readonly string[]): string {
  const buf = Buffer.alloc(itemIds.length * 4);
  itemIds.forEach((id, k) => buf.writeUInt32BE(itemHash(id), k * 4));
  return buf.toString('base64url');
}

function unpackHashes(packed: string): number[] {
  const buf = Buffer.from(packed, 'base64url');
  const out: number[] = [];
  for (let k = 0; k + 4 <= buf.length; k += 4) out.push(buf.readUInt32BE(k));
  return out;
}

