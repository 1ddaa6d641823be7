import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DocumentNode, ValidationContext } from 'graphql';

/**
 * Query limits shared by HTTP and WebSocket. Armor's token limit answers HTTP 500, so tokens and source length
 * are limited by graphql's own parser (a clean 400) instead.
 */
export const PARSE_OPTIONS = { maxTokens: 2_000 } as const;
export const MAX_QUERY_BYTES = 20_000;

/**
 * graphql-armor's limits, for HTTP (Apollo and the fast path) and WebSocket alike (server.ts hands the same
 * validation rules to all three).
 * - Aliases: armor skips `__typename` aliases by default (`allowList: ['__typename']`), so 500 of them passed;
 *   every alias makes the server produce another field in the answer, so every alias counts.
 * - Suggestions ("Did you mean …") are not armor's business here: whether a caller may learn schema names is
 *   decided with introspection by one rule, graphql/schema-exposure.ts, on every transport.
 */
export function createArmor() {
  return new ApolloArmor({
    maxDepth: { enabled: true, n: 10 },
    // The accepted cost is kept per document for the integrator audit (documentCost below).
    costLimit: { enabled: true, maxCost: 20_000, onAccept: [rememberCost] },
    maxAliases: { enabled: true, n: 15, allowList: [] },
    maxDirectives: { enabled: true, n: 50 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
}

const costs = new WeakMap<DocumentNode, number>();

/**
 * graphql-armor's cost-limit rule reports the cost it accepted (its `onAccept`), during the one validation of each
 * text (documents are cached per text: graphql/document-cache.ts): kept per document, so the integrator audit
 * records the very figure the limit checked.
 */
function rememberCost(context: ValidationContext | null, accepted: unknown): void {
  const n = (accepted as { n?: unknown } | null)?.n;
  if (!context || typeof n !== 'number') return;
  const document = context.getDocument();
  costs.set(document, Math.max(costs.get(document) ?? 0, n));
}

/** The query cost armor accepted for this document; null when it was not validated with armor's rules. */
export function documentCost(document: DocumentNode): number | null {
  return costs.get(document) ?? null;
}
