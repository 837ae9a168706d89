import { describe, expect, it } from 'vitest';
import { fileKind } from '../../src/usecases/console/cypher-runner.ts';

describe('fileKind (the Cypher library listing\'s hint)', () => {
  it('calls schema files schema, files with a write clause write, the rest read; comments do not count', () => {
    expect(fileKind('schema/001-constraints', 'CREATE CONSTRAINT x IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;')).toBe('schema');
    expect(fileKind('admin/wipe', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS')).toBe('write');
    expect(fileKind('api/unfollow', "MATCH (a)-[f:FOLLOWS]->(b) DELETE f")).toBe('write');
    expect(fileKind('recs/popular', '// we never SET or CREATE here\nMATCH (i:Item) RETURN i.id AS id, i.offset AS offset')).toBe('read');
  });
});
