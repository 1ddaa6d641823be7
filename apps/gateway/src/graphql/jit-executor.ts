import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  printSchema,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Compiled = CompiledQuery | ExecutionResult;

/**
 * Queries and mutations over HTTP run as JavaScript compiled once per document by graphql-jit instead of being
 * interpreted field by field by graphql-js: a page of 50 households is ~1,000 field resolutions, and the
 * interpreter's per-field bookkeeping (paths, promise checks, argument coercion) was most of the gateway's own
 * CPU per request (docs/performance.md). Apollo still parses, validates (armor limits included), caches documents
 * and runs every plugin; only the execution step changes. Subscriptions stay on graphql-js (graphql-ws).
 *
 * Apollo 5 has no `executor` option; its one hook is a gateway object, so this is that object.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  // Apollo keeps one parsed DocumentNode per distinct query text in its document store, so the document object
  // identifies the compiled query; a WeakMap lets both go together when Apollo evicts the text.
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operationName, context, request } = requestContext;
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, (byOperation = new Map<string, Compiled>()));
    const key = operationName ?? '';
    let compiled = byOperation.get(key);
    if (!compiled) {
      compiled = compileQuery(schema, document, operationName ?? undefined);
      byOperation.set(key, compiled);
    }
    const reference = () =>
      execute({
        schema,
        document,
        operationName,
        contextValue: context,
        variableValues: request.variables,
      }) as Promise<ExecutionResult>;
    // graphql-jit declined the document (it should not, after validation): the reference executor answers.
    if (!isCompiledQuery(compiled)) return reference();
    const result = await compiled.query(undefined, context, request.variables ?? {});
    if (result.errors?.length && result.data === undefined) {
      // The variables were refused before anything ran. graphql-jit does not apply input-field defaults
      // (`dryRun: Boolean! = false` counts as missing) and its errors lack the nodes Apollo needs to answer
      // BAD_USER_INPUT with 400, so graphql-js decides: it runs the operation or reports the error properly.
      return reference();
    }
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor }),
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's errors only look like graphql-js ones (no own `originalError` Apollo can copy, locations without
 * nodes). Apollo's formatting — and ours, which passes a public error's code and messages through and masks the
 * rest — needs a real GraphQLError whose `originalError` is what the resolver threw.
 */
export function asGraphQLError(error: GraphQLError): GraphQLError {
  const wrapped = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  if (error.locations?.length) {
    Object.defineProperty(wrapped, 'locations', { value: error.locations, enumerable: true });
  }
  return wrapped;
}
