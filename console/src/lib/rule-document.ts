// The rule segment form's rows -> the API's rule document (README "Segments"). Only the shape is built here;
// whether features, operators and values make sense is the API's to say (it lists every problem with its path).

export interface Condition { readonly feature: string; readonly op: string; readonly value: string }

type Scalar = number | boolean | string;

/** "12" -> 12, "true" -> true, anything else stays text (gender, location, rfmSegment compare as text). */
export function parseScalar(text: string): Scalar {
  const t = text.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

function conditionDocument(c: Condition): unknown {
  const feature = c.feature.trim();
  if (feature.startsWith('segment:')) return { segment: feature.slice('segment:'.length) };
  const value = c.op === 'between' || c.op === 'in' ? c.value.split(',').map(parseScalar) : parseScalar(c.value);
  return { feature, op: c.op, value };
}

/** One condition stands alone; several are combined with `all` or `any`. */
export function ruleDocument(combine: 'all' | 'any', rows: readonly Condition[]): unknown {
  const docs = rows.map(conditionDocument);
  return docs.length === 1 ? docs[0] : { [combine]: docs };
}
