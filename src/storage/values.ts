import neo4j, { isInt, type Integer } from 'neo4j-driver';

/**
 * Driver types never leave storage/. JS numbers are sent by the driver as floats, so safe integers go as
 * Neo4j Integers (LIMIT, SKIP and range() need them; ids and counts stay integral in the store);
 * values read back are decoded to plain JS (Integer -> number, nodes/relationships -> their properties).
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toParams(v);
    return out;
  }
  return value;
}

export function fromNeo4j(value: unknown): unknown {
  if (isInt(value)) return (value as Integer).toNumber();
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (value !== null && typeof value === 'object') {
    if ('properties' in value && ('labels' in value || 'type' in value)) {
      return fromNeo4j((value as { properties: unknown }).properties);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromNeo4j(v);
    return out;
  }
  return value;
}
