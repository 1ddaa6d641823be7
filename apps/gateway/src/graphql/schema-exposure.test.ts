import type { Principal } from '@hanjiang/authz';
import { buildSchema, coerceInputValue, type GraphQLEnumType, parse, validate } from 'graphql';
import {
  asksForIntrospection,
  schemaExposure,
  stripSuggestions,
  withoutSuggestions,
} from './schema-exposure.js';

const admin: Principal = {
  kind: 'user',
  subject: 'district.admin',
  tenantKind: 'district',
  tenantCode: 'district',
  role: 'admin',
  teamId: null,
  membershipId: null,
};
const integrator: Principal = {
  ...admin,
  kind: 'apikey',
  subject: 'apikey:1',
  role: 'viewer',
  scopes: ['read'],
};
const reader: Principal = { ...integrator, scopes: ['read', 'introspect'] };

describe('schemaExposure: one rule for every transport, in every NODE_ENV', () => {
  it.each([
    ['anonymous', false, null],
    ['a district admin', true, admin],
    ['an integrator key without introspect', false, integrator],
    ['an integrator key with introspect', true, reader],
  ] as const)('%s: introspection and suggestions %s', (_who, open, principal) => {
    expect(schemaExposure(principal)).toEqual({ introspection: open, suggestions: open });
  });
});

const schema = buildSchema(`
  enum Stage { SURVEYED SIGNED VACATED }
  input Filter { stages: [Stage!] text: String }
  interface Node { id: ID! }
  type Household implements Node { id: ID! stage: Stage! }
  type Query { households(filter: Filter): [Household!]! node: Node campaign: Int }
`);

describe('stripSuggestions removes every kind of graphql-js hint', () => {
  it.each([
    ['a misspelled field', '{ campaing }'],
    ['a misspelled enum value', '{ households(filter: { stages: [SIGNEDD] }) { id } }'],
    ['a misspelled input field', '{ households(filter: { stagess: [SIGNED] }) { id } }'],
    ['a misspelled argument', '{ households(filtre: {}) { id } }'],
    ['a field of an implementation', '{ node { stage } }'],
  ])('%s', (_what, query) => {
    const errors = validate(schema, parse(query));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.message).join('\n')).toMatch(/Did you mean/);
    for (const error of errors) {
      const stripped = stripSuggestions(error.message);
      expect(stripped).not.toMatch(/Did you mean|"(campaign|SIGNED|stages|filter|Household)"/);
      expect(stripped.length).toBeGreaterThan(10);
    }
  });

  it('in a variable coercion message, and in a formatted error’s messageEn', () => {
    let message = '';
    coerceInputValue('SIGNEDD', schema.getType('Stage') as GraphQLEnumType, (_path, _value, error) => {
      message = error.message;
    });
    expect(message).toMatch(/Did you mean the enum value "SIGNED"\?/);
    const formatted = withoutSuggestions({
      message,
      extensions: { code: 'BAD_USER_INPUT', messageEn: message },
    });
    expect(formatted.message).toBe('Value "SIGNEDD" does not exist in "Stage" enum.');
    expect(formatted.extensions?.messageEn).toBe(formatted.message);
    expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('asksForIntrospection', () => {
  it.each([
    ['{ __schema { types { name } } }', true],
    ['{ __type(name: "Household") { name } }', true],
    ['query { ...F } fragment F on Query { __schema { queryType { name } } }', true],
    ['{ __typename campaign }', false],
    ['{ households { __typename id } }', false],
  ])('%s → %s', (query, expected) => {
    expect(asksForIntrospection(parse(query))).toBe(expected);
  });
});
