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

/** Which run of a document compiles it (see OperationExecutor.runs). */
const COMPILE_ON_RUN = 2;

/*
 * Queries and mutations (HTTP and WebSocket) run as JavaScript compiled once per document by graphql-jit instead of being
 * interpreted field by field by graphql-js: a page of 50 households is ~1,000 field resolutions, and the
 * interpreter's per-field bookkeeping (paths, promise checks, argument coercion) was most of the gateway's own
 * CPU per request (docs/performance.md). Only the execution step changes; subscriptions' per-event executions stay
 * on graphql-js (the fan-out, live/fanout.ts).
 */
export interface ExecuteOperation {
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly contextValue: unknown;
  readonly variableValues: Readonly<Record<string, unknown>> | null | undefined;
}

/**
 * The stage "execute", for every entry: compiled once per document and operation, graphql-js where graphql-jit
 * cannot compile a document or refuses its variables (graphql-js then says why, in its own words).
 */
export class OperationExecutor {
  private readonly compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  /**
   * Runs of documents not compiled yet. A document is compiled on its second run: a one-off query (an
   * integrator's experiment, a generated attack, each unique) then costs no compilation and holds no compiled
   * code — in a soak of generated queries, compiling every one took the gateway from 264 to 553 MiB. The portals'
   * few documents repeat at once.
   */
  private readonly runs = new WeakMap<DocumentNode, number>();

  constructor(private readonly schema: GraphQLSchema) {}

  async execute(args: ExecuteOperation): Promise<ExecutionResult> {
    const { document, operationName, contextValue, variableValues } = args;
    const compiled = this.compiled(document, operationName);
    const reference = () =>
      execute({
        schema: this.schema,
        document,
        operationName,
        contextValue,
        variableValues,
      }) as Promise<ExecutionResult>;
    if (!compiled || !isCompiledQuery(compiled)) return reference();
    const result = await compiled.query(undefined, contextValue, variableValues ?? {});
    if (result.errors?.length && result.data === undefined) {
      return reference();
    }
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  }

  /** The compiled operation, or null on a document's first run (graphql-js runs it). */
  private compiled(document: DocumentNode, operationName: string | null | undefined): Compiled | null {
    const key = operationName ?? '';
    const known = this.compiledByDocument.get(document)?.get(key);
    if (known) return known;
    const runs = (this.runs.get(document) ?? 0) + 1;
    if (runs < COMPILE_ON_RUN) {
      this.runs.set(document, runs);
      return null;
    }
    let byOperation = this.compiledByDocument.get(document);
    if (!byOperation) this.compiledByDocument.set(document, (byOperation = new Map<string, Compiled>()));
    const compiled = compileQuery(this.schema, document, operationName ?? undefined);
    byOperation.set(key, compiled);
    return compiled;
  }
}

/** Apollo 5 has no `executor` option; its one hook is a gateway object, so this is that object. */
export function jitGateway(schema: GraphQLSchema, executor: OperationExecutor): GatewayInterface {
  const run: GatewayExecutor = ({ document, operationName, context, request }) =>
    executor.execute({ document, operationName, contextValue: context, variableValues: request.variables });
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor: run }),
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
