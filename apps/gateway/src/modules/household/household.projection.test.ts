import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { EVERY_COLUMN, householdProjection } from './household.projection.js';
import { HOUSEHOLD_ALWAYS, HOUSEHOLD_FIELD_COLUMNS } from './household.sql.js';

/** The resolve info of the root `households` field of `query`. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD)!;
  return { fieldNodes: [root as never], fragments };
}

describe('householdProjection', () => {
  it('reads identity columns and only the asked-for ones', () => {
    const p = householdProjection(infoOf('{ households { edges { node { id code stage } } } }'));
    expect(p.columns).toBe([HOUSEHOLD_ALWAYS, 'h.code', 'h.stage'].join(', '));
    expect(p).toMatchObject({ village: false, team: false });
  });

  it('joins villages and teams only when asked', () => {
    expect(
      householdProjection(infoOf('{ households { edges { node { village { name } } } } }')),
    ).toMatchObject({
      village: true,
      team: false,
    });
    expect(householdProjection(infoOf('{ households { edges { node { team { name } } } } }'))).toMatchObject({
      village: false,
      team: true,
    });
  });

  it('follows fragment spreads and inline fragments, and reads personal data for the masked fields', () => {
    const p = householdProjection(
      infoOf(`query { households { ...Page } }
        fragment Page on HouseholdConnection { edges { node { ... on Household { phone } ...Money } } }
        fragment Money on Household { agreedAmountYuan landAreaMu }`),
    );
    expect(p.columns).toContain(HOUSEHOLD_FIELD_COLUMNS.phone);
    expect(p.columns).toContain(HOUSEHOLD_FIELD_COLUMNS.agreedAmountYuan);
    expect(p.columns).toContain('"landAreaM2"');
    expect(p.columns).not.toContain('"ownerName"');
  });

  it('reads every column for a field it does not know (a new field cannot come back empty)', () => {
    expect(householdProjection(infoOf('{ households { edges { node { id somethingNew } } } }'))).toBe(
      EVERY_COLUMN,
    );
  });

  it('every Household field of the schema has an entry', async () => {
    const { createSchema } = await import('../../schema.js');
    const schema = await createSchema();
    const fields = Object.keys((schema.getType('Household') as { getFields(): object }).getFields());
    expect(fields.filter((f) => !(f in HOUSEHOLD_FIELD_COLUMNS))).toEqual([]);
  });
});
