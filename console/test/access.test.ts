import { describe, expect, it } from 'vitest';
import { mayWrite, viewsFor } from '../src/lib/access.ts';
import { credentialHeaders } from '../src/lib/credentials.ts';
import { parseRoute, href } from '../src/lib/routes.ts';

describe('what the console offers each role', () => {
  it('analysts and admins get every view; the others none', () => {
    expect(viewsFor('analyst')).toEqual(['user', 'behaviour', 'experiments', 'segments', 'cypher', 'catalogue']);
    expect(viewsFor('admin')).toEqual(viewsFor('analyst'));
    expect(viewsFor('shopper')).toEqual([]);
    expect(viewsFor('service')).toEqual([]);
    expect(viewsFor('anonymous')).toEqual([]);
  });

  it('analysts may define segments (as the API lets them) but not stop experiments or campaigns', () => {
    expect(mayWrite('analyst', 'segments:define')).toBe(true);
    expect(mayWrite('analyst', 'experiments:stop')).toBe(false);
    expect(mayWrite('analyst', 'campaigns:stop')).toBe(false);
    expect(mayWrite('admin', 'experiments:stop')).toBe(true);
  });
});

describe('credentials and routes', () => {
  it('sends a JWT as a Bearer token and an API key as X-API-Key, never both', () => {
    expect(credentialHeaders('eyJabc')).toEqual({ authorization: 'Bearer eyJabc' });
    expect(credentialHeaders(' grec_k-1_s ')).toEqual({ 'x-api-key': 'grec_k-1_s' });
    expect(credentialHeaders(null)).toEqual({});
    expect(credentialHeaders('  ')).toEqual({});
  });

  it('parses and builds fragment routes', () => {
    expect(parseRoute('#/user/u%2F1')).toEqual({ view: 'user', arg: 'u/1' });
    expect(parseRoute('#/behaviour')).toEqual({ view: 'behaviour', arg: null });
    expect(parseRoute('')).toEqual({ view: null, arg: null });
    expect(parseRoute('#/nope/x')).toEqual({ view: null, arg: 'x' });
    expect(href('user', 'u/1')).toBe('#/user/u%2F1');
  });
});
