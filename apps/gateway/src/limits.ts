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
 * - The cost each accepted document was priced at is kept (documentCost below) for the cost budgets.
 */
export function createArmor() {
  return new ApolloArmor({
    maxDepth: { enabled: true, n: 10 },
    costLimit: { enabled: true, maxCost: 20_000, onAccept: [recordCost] },
    maxAliases: { enabled: true, n: 15, allowList: [] },
    maxDirectives: { enabled: true, n: 50 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
}

const costs = new WeakMap<DocumentNode, number>();

/**
 * graphql-armor's cost rule prices each document while the shared document cache validates it (once per text);
 * the price is kept here so the cost budget (pipeline/rate-limits.ts) charges, and the integrator audit records,
 * the same figure the limit checked, without walking the document again. A document with several operations
 * records the dearest.
 */
function recordCost(context: ValidationContext | null, details: unknown): void {
  const n = (details as { n?: unknown } | null)?.n;
  if (!context || typeof n !== 'number') return;
  const document = context.getDocument();
  costs.set(document, Math.max(costs.get(document) ?? 0, n));
}

/** The cost armor accepted for this document; null when it was not validated with armor's rules. */
export function acceptedCost(document: DocumentNode): number | null {
  return costs.get(document) ?? null;
}

/** The document's price for the cost budget (at least 1: every operation costs something). */
export function documentCost(document: DocumentNode): number {
  return Math.max(1, Math.ceil(acceptedCost(document) ?? 1));
}
