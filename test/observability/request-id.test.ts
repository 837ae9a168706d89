import { describe, expect, it } from 'vitest';
import { requestId } from '../../src/observability/request-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestId', () => {
  it('keeps sane incoming ids (UUIDs, trace ids, dotted and colon forms)', () => {
    for (const id of ['0b1c2d3e-aaaa-4bbb-8ccc-123456789abc', '4bf92f3577b34da6a3ce929d0e0e4736', 'lb-1.req:42', 'x']) {
      expect(requestId(id)).toBe(id);
    }
  });

  it('replaces missing, empty, oversized or odd ids with a fresh UUID', () => {
    for (const id of [null, undefined, '', 'a'.repeat(129), 'has space', 'line\nbreak', '<b>', 'me@example.com', '-leading']) {
      expect(requestId(id)).toMatch(UUID);
    }
    expect(requestId(null)).not.toBe(requestId(null));
  });
});
