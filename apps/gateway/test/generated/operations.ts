// Operations generated from the schema itself (not a hand list): a root field, a random selection of its type's
// fields and relations down to MAX_DEPTH, and generated arguments passed as variables. A field or type added to
// the schema is reached without editing the tests.
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { asLiteral, edgeValue } from './values.js';

type Draw = fc.GeneratorValue;

/** Selection depth below the operation (armor refuses deeper than 6): root field → 3 relations → leaves. */
export const MAX_DEPTH = 5;
/** Fields picked per object level: few enough to stay under the token and cost limits. */
const MAX_FIELDS = 4;

/** Values the generator draws arguments from: ids, codes and cursors of every tenant, taken from the database. */
export interface Samples {
  ids: readonly string[];
  codes: readonly string[];
  cursors: readonly string[];
}

export interface GeneratedOperation {
  kind: 'query' | 'mutation' | 'subscription';
  root: string;
  query: string;
  variables: Record<string, unknown>;
  /** `Type.field` of every field selected, for the coverage report. */
  reached: string[];
}

class Builder {
  private readonly definitions: string[] = [];
  readonly variables: Record<string, unknown> = {};
  readonly reached: string[] = [];

  constructor(
    private readonly g: Draw,
    private readonly samples: Samples,
    /** Well-typed values only (no edge values, no wrong types): more operations get past validation. */
    private readonly tame: boolean,
  ) {}

  /** True one time in `odds` — never when tame. */
  private wild(odds: number): boolean {
    return !this.tame && this.g(fc.integer, { min: 1, max: odds }) === 1;
  }

  get variableDefinitions(): string {
    return this.definitions.length ? `(${this.definitions.join(', ')})` : '';
  }

  args(args: readonly GraphQLArgument[]): string {
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && this.g(fc.integer, { min: 0, max: 2 }) === 0) continue;
      const value = this.value(arg.type, arg.name, 0);
      // One argument in three is written into the document as a literal: literals and variables take different
      // paths (graphql-jit compiles literals in; variables are coerced per request).
      const literal = this.g(fc.integer, { min: 0, max: 2 }) === 0 ? asLiteral(value, arg.type) : null;
      if (literal !== null) {
        parts.push(`${arg.name}: ${literal}`);
        continue;
      }
      const name = `v${this.definitions.length}`;
      this.definitions.push(`$${name}: ${String(arg.type)}`);
      this.variables[name] = value;
      parts.push(`${arg.name}: $${name}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** A value for an input type: mostly well-typed (so resolvers run), sometimes wrong (so validation runs). */
  value(type: GraphQLInputType, hint: string, depth: number): unknown {
    const g = this.g;
    if (this.wild(40)) return edgeValue(g); // any type: the validator must refuse it
    if (isNonNullType(type)) return this.present(type.ofType, hint, depth);
    if (g(fc.integer, { min: 0, max: 9 }) === 0) return null;
    return this.present(type, hint, depth);
  }

  /** A value that is not null (null for a required input is one of the edge values above). */
  private present(type: GraphQLInputType, hint: string, depth: number): unknown {
    const g = this.g;
    if (isListType(type)) {
      const length = g(fc.integer, { min: 0, max: 3 });
      return Array.from({ length }, () => this.value(type.ofType, hint, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return this.wild(12) ? 'NOT_A_VALUE' : g(fc.constantFrom, ...values);
    }
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (required || g(fc.boolean)) out[field.name] = this.value(field.type, field.name, depth + 1);
      }
      return out;
    }
    return this.scalar(type.name, hint);
  }

  private scalar(name: string, hint: string): unknown {
    const g = this.g;
    const { ids, codes, cursors } = this.samples;
    const pick = <T>(list: readonly T[]): T => list[g(fc.integer, { min: 0, max: list.length - 1 })]!;
    const roll = this.wild(4) ? 0 : g(fc.integer, { min: 1, max: 3 });
    switch (name) {
      case 'ID':
        return roll === 0 ? edgeValue(g, 'string') : pick(ids);
      case 'String':
        if (roll === 0) return edgeValue(g, 'string');
        if (/after|before|cursor/i.test(hint)) return pick(cursors);
        if (/yuan/i.test(hint))
          return `${g(fc.integer, { min: 1, max: 9_999_999 })}.${g(fc.integer, { min: 10, max: 99 })}`;
        if (/id$|key$/i.test(hint)) return pick(ids); // ids are also long enough to be idempotency keys
        return roll === 1 ? pick(ids) : pick(codes);
      case 'Int':
        if (/version/i.test(hint) && roll !== 0) return g(fc.integer, { min: 0, max: 8 });
        return roll === 0 ? edgeValue(g, 'int') : g(fc.integer, { min: -5, max: 120 });
      case 'Float':
        if (roll === 0) return edgeValue(g, 'float');
        return g(fc.double, { min: this.tame ? 1 : -1e6, max: this.tame ? 5000 : 1e9, noNaN: true });
      case 'Boolean':
        return g(fc.boolean);
      case 'DateTimeISO':
        return roll === 0 ? edgeValue(g, 'string') : g(fc.date, { noInvalidDate: true }).toISOString();
      default:
        // JSON and any scalar added later: JSON-ish values and edge strings.
        return roll === 0 ? edgeValue(g) : g(fc.jsonValue, { maxDepth: 2 });
    }
  }

  selection(type: GraphQLNamedType, depth: number): string {
    if (isLeafType(type)) return '';
    if (isUnionType(type)) {
      const members = type.getTypes().map((t) => `... on ${t.name} ${this.selection(t, depth)}`);
      return `{ __typename ${members.join(' ')} }`;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return '';
    const fields = Object.values(type.getFields());
    const deeper = depth < MAX_DEPTH;
    const usable = fields.filter((f) => deeper || isLeafType(getNamedType(f.type)));
    // Indices, not fields: gen() compares its arguments, and schema objects are cyclic.
    const indices = usable.map((_, i) => i);
    const picked = indices.length
      ? this.g(fc.subarray, indices, { minLength: 1, maxLength: Math.min(MAX_FIELDS, indices.length) })
      : [];
    const chosen = picked.map((i) => usable[i]!);
    // `id` and `__typename` ride along wherever they exist: the row oracle reads them.
    const parts = ['__typename'];
    if (fields.some((f) => f.name === 'id') && !chosen.some((f) => f.name === 'id')) parts.push('id');
    for (const field of chosen) parts.push(this.field(type.name, field, depth));
    return `{ ${parts.join(' ')} }`;
  }

  field(parent: string, field: GraphQLField<unknown, unknown>, depth: number): string {
    this.reached.push(`${parent}.${field.name}`);
    return `${field.name}${this.args(field.args)} ${this.selection(getNamedType(field.type), depth + 1)}`;
  }
}

export function rootFields(schema: GraphQLSchema, kind: GeneratedOperation['kind']): string[] {
  const root = rootType(schema, kind);
  return root ? Object.keys(root.getFields()).sort() : [];
}

function rootType(schema: GraphQLSchema, kind: GeneratedOperation['kind']): GraphQLObjectType | null {
  if (kind === 'query') return schema.getQueryType() ?? null;
  if (kind === 'mutation') return schema.getMutationType() ?? null;
  return schema.getSubscriptionType() ?? null;
}

/** An arbitrary operation on one of `roots` (fields of the root type of `kind`). */
export function operationArbitrary(
  schema: GraphQLSchema,
  kind: GeneratedOperation['kind'],
  samples: Samples,
  roots: readonly string[] = rootFields(schema, kind),
  tame = false,
): fc.Arbitrary<GeneratedOperation> {
  const root = rootType(schema, kind);
  if (!root || roots.length === 0) throw new Error(`the schema has no ${kind} fields`);
  return fc.tuple(fc.constantFrom(...roots), fc.gen()).map(([name, g]) => {
    const builder = new Builder(g, samples, tame);
    const field = root.getFields()[name]!;
    const body = builder.field(root.name, field, 1);
    const query = `${kind} Generated${builder.variableDefinitions} { ${body} }`;
    return { kind, root: name, query, variables: builder.variables, reached: builder.reached };
  });
}
