// Operation names come from clients, so as metric labels they must be bounded: a client inventing a new
// name per request would otherwise grow the registry without limit. Names are kept as sent while fewer
// than `max` distinct ones have been seen; later new names share the label `other`. Strings that are not
// GraphQL names (only possible when the document did not parse) are `other` too; no name is `anonymous`.
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 200) {}

  label(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}
