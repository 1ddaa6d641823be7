import {
  getNamedType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isLeafType,
  isObjectType,
} from 'graphql';

/**
 * type-graphql calls every field resolver through one generic wrapper: per call it builds a `resolverData` object,
 * asks its container for the resolver instance, runs the middleware chain (empty here) and `getParams`, which sorts
 * the parameter list and maps it into a new array. On a portal's list that is ≈ 250 calls per page (township,
 * headquarters, village, team and the team's home township of 50 households) — a share of a small request's CPU
 * and garbage. This puts a direct call of the same method in the wrapper's place, for field resolvers that need
 * none of what the wrapper does: no arguments (which it would convert and validate), no middlewares, no roles, and
 * parameters that are only the parent object, the context or the info, taken whole. The gateway builds its schema
 * without a container, global middlewares or an auth checker (schema.ts), so the resolver instance is one `new`
 * of its class, as type-graphql's default container makes it.
 *
 * A parent that is not yet an instance of the object's class still goes through type-graphql's wrapper, which
 * converts it (services hand instances: household.service.ts). The metadata is type-graphql's own storage, which
 * it keeps on `globalThis` but does not export: if its shape is not the one expected, nothing is replaced and the
 * wrappers stay — the same answers, only slower; `direct-field-resolvers.test.ts` fails then.
 */
export function directFieldResolvers(schema: GraphQLSchema, resolverClasses: readonly Class[]): string[] {
  const storage = metadataStorage();
  if (!storage) return [];
  const replaced: string[] = [];
  const instances = new Map<Class, Record<string, unknown>>();
  const instanceOf = (target: Class) => {
    let instance = instances.get(target);
    if (!instance) {
      instance = new (target as new () => Record<string, unknown>)();
      instances.set(target, instance);
    }
    return instance;
  };
  // Root queries too (a board, the gauge: one call per request, but through the same wrapper), when every
  // argument is a scalar or an enum: type-graphql would pass those through unchanged (validation is off, schema.ts)
  // after an async validation step and a Promise.all per call.
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const metadata of storage.queries ?? []) {
    if (!resolverClasses.includes(metadata.target)) continue;
    if (metadata.middlewares?.length || metadata.roles !== undefined) continue;
    const field = queryFields[metadata.schemaName];
    const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
    const readers = field ? params.map((p) => rootParamReader(p, field)) : [];
    if (!field?.resolve || !readers.every((r) => r !== undefined)) continue;
    const method = instanceOf(metadata.target)[metadata.methodName];
    if (typeof method !== 'function') continue;
    field.resolve = callReading(method.bind(instanceOf(metadata.target)) as Method, readers);
    replaced.push(`Query.${metadata.schemaName}`);
  }
  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'external' || !resolverClasses.includes(metadata.target)) continue;
    if (metadata.middlewares?.length || metadata.roles !== undefined) continue;
    const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
    const positions = params.map((p) => (p.propertyName === undefined ? POSITION[p.kind] : undefined));
    if (!positions.every((p) => p !== undefined)) continue;
    const objectClass = metadata.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const type = typeName === undefined ? undefined : schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
    if (!field?.resolve || !objectClass) continue;
    const instance = instanceOf(metadata.target);
    const method = instance[metadata.methodName];
    if (typeof method !== 'function') continue;
    const direct = call(method.bind(instance) as Method, positions);
    const wrapped = field.resolve;
    // Only a root param typed with a class makes type-graphql convert the parent; an instance passes unchanged.
    const convertsRoot = params.some((p) => p.kind === 'root' && p.getType !== undefined);
    field.resolve = convertsRoot
      ? (root, args, ctx, info) =>
          root instanceof objectClass ? direct(root, args, ctx, info) : wrapped(root, args, ctx, info)
      : direct;
    replaced.push(`${typeName}.${metadata.schemaName}`);
  }
  return replaced;
}

type Method = (...values: unknown[]) => unknown;
/** A resolver or object type class, as type-graphql's metadata names it. */
type Class = abstract new (...args: never[]) => unknown;

/** Where each parameter kind sits in a resolver's `(root, args, context, info)`. */
const POSITION: Readonly<Record<string, number>> = { root: 0, context: 2, info: 3 };

/** The method called with the resolver's arguments at `positions`, without an array per call for the usual shapes. */
function call(method: Method, positions: readonly number[]): GraphQLFieldResolver<unknown, unknown> {
  const key = positions.join(',');
  if (key === '0') return (root) => method(root);
  if (key === '0,2') return (root, _args, ctx) => method(root, ctx);
  if (key === '0,2,3') return (root, _args, ctx, info) => method(root, ctx, info);
  if (key === '2') return (_root, _args, ctx) => method(ctx);
  return (...all: unknown[]) => method(...positions.map((p) => all[p]));
}

type Reader = (args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown;

/** How a root query's parameter is read from `(args, context, info)`; undefined: it needs the wrapper. */
function rootParamReader(param: ParamMetadata, field: GraphQLField<unknown, unknown>): Reader | undefined {
  if (param.propertyName !== undefined || param.validateFn || param.validateSettings) return undefined;
  if (param.kind === 'context') return (_args, ctx) => ctx;
  if (param.kind === 'info') return (_args, _ctx, info) => info;
  if (param.kind !== 'arg' || param.name === undefined) return undefined;
  const { name } = param;
  const arg = field.args.find((a) => a.name === name);
  return arg && isLeafType(getNamedType(arg.type)) ? (args) => args[name] : undefined;
}

function callReading(method: Method, readers: readonly Reader[]): GraphQLFieldResolver<unknown, unknown> {
  return (_root, args: Record<string, unknown>, ctx, info) =>
    method(...readers.map((read) => read(args, ctx, info)));
}

interface ParamMetadata {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: unknown;
  validateFn?: unknown;
  validateSettings?: unknown;
}

/** A resolver method as type-graphql records it: a root query, or (with a kind and object type) a field resolver. */
interface QueryMetadata {
  target: Class;
  methodName: string;
  schemaName: string;
  params?: ParamMetadata[];
  middlewares?: unknown[];
  roles?: unknown[];
}

interface FieldResolverMetadata extends QueryMetadata {
  kind: string;
  getObjectType?: () => Class;
}

interface MetadataStorage {
  fieldResolvers: FieldResolverMetadata[];
  queries?: QueryMetadata[];
  objectTypes: { target: Class; name: string }[];
}

/** type-graphql's metadata storage, when it has the shape this module reads. */
function metadataStorage(): MetadataStorage | null {
  // Declared by type-graphql's typings as a global; read through this module's narrower view of it.
  const storage = (globalThis as unknown as { TypeGraphQLMetadataStorage?: Partial<MetadataStorage> })
    .TypeGraphQLMetadataStorage;
  if (!Array.isArray(storage?.fieldResolvers) || !Array.isArray(storage.objectTypes)) return null;
  return storage as MetadataStorage;
}
