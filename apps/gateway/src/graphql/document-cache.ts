import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  parse,
  validate,
  type ValidationRule,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { PARSE_OPTIONS } from '../limits.js';

export type CheckedDocument = { document: DocumentNode; errors?: undefined } | { errors: GraphQLError[] };

/**
 * Parse + validate once per distinct query text. Thousands of screens send the same subscription text; the
 * cache saves the work and the memory (one shared AST, which the fan-out also uses as a group key).
 *
 * graphql-ws skips its own parse/validate when onSubscribe returns execution args, so this is the only check
 * on the WebSocket path: the same parse options and rules as HTTP, and errors carrying the codes Apollo gives
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED) so the shared formatter maps both paths identically.
 * Messages are kept whole (suggestions included): the cache is shared by every caller, and whether a caller may
 * see suggestions is decided per caller when the errors are sent (graphql/schema-exposure.ts).
 */
export class DocumentCache {
  private readonly cache = new LRUCache<string, CheckedDocument>({
    max: 2_000,
    maxSize: 20_000_000,
    sizeCalculation: (_value, key) => key.length + 1,
  });

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
  ) {}

  check(query: string): CheckedDocument {
    let checked = this.cache.get(query);
    if (!checked) {
      checked = this.compute(query);
      this.cache.set(query, checked);
    }
    return checked;
  }

  private compute(query: string): CheckedDocument {
    let document: DocumentNode;
    try {
      document = parse(query, PARSE_OPTIONS);
    } catch (error) {
      const cause = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      return {
        errors: [
          new GraphQLError(cause.message, {
            source: cause.source,
            positions: cause.positions,
            originalError: cause,
            extensions: { ...cause.extensions, code: 'GRAPHQL_PARSE_FAILED' },
          }),
        ],
      };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length === 0) return { document };
    return {
      errors: errors.map(
        (e) =>
          new GraphQLError(e.message, {
            nodes: e.nodes,
            originalError: e.originalError ?? e,
            extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      ),
    };
  }
}
