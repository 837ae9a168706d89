import { describe, expect, it } from 'vitest';
import { capabilityResolvers } from '../../src/app.ts';
import { FIELD_PRICES } from '../../src/graphql/field-costs.ts';
import { LIST_CAPS_BY_ARGUMENT } from '../../src/graphql/list-caps.ts';
import { buildSchema } from '../../src/graphql/schema.ts';

type Fielded = { getFields(): Record<string, { args: readonly { name: string }[] }> };
const schema = buildSchema(capabilityResolvers());
const fieldOf = (coordinate: string) => {
  const [type, field] = coordinate.split('.');
  const t = schema.getType(type ?? '') as unknown as Fielded | undefined;
  return t?.getFields()[field ?? ''];
};

describe('price and cap tables against schema.graphql', () => {
  it('every priced field exists, so a renamed field cannot silently lose its price', () => {
    for (const coordinate of Object.keys(FIELD_PRICES)) expect(fieldOf(coordinate), coordinate).toBeDefined();
  });

  it('every population analytics field and the model refit are priced as expensive', () => {
    for (const f of ['transitionMatrix', 'sequenceProbability', 'absorption', 'conversionRate', 'funnel']) {
      expect(FIELD_PRICES[`Query.${f}`]?.base).toBe(300);
    }
    expect(FIELD_PRICES['Mutation.refreshGraphModel']?.base).toBe(1500);
    for (const f of ['recommendations', 'similarItems', 'peopleYouMayKnow', 'friendRecommendations']) {
      expect(FIELD_PRICES[`Query.${f}`]?.perItem, f).toBe(2);
      expect(fieldOf(`Query.${f}`)?.args.some((a) => a.name === 'first'), f).toBe(true);
    }
  });

  it('every per-argument list cap names an existing argument', () => {
    for (const key of Object.keys(LIST_CAPS_BY_ARGUMENT)) {
      const [field, argument] = key.split('.');
      expect(fieldOf(`Query.${field}`)?.args.map((a) => a.name), key).toContain(argument);
    }
  });
});
