import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Query limits shared by HTTP and WebSocket. Armor's token limit answers HTTP 500, so tokens and source length
 * are limited by graphql's own parser (a clean 400) instead.
 */
export const PARSE_OPTIONS = { maxTokens: 2_000 } as const;
export const MAX_QUERY_BYTES = 20_000;

export function createArmor() {
  return new ApolloArmor({
    maxDepth: { enabled: true, n: 10 },
    costLimit: { enabled: true, maxCost: 20_000 },
    maxAliases: { enabled: true, n: 15 },
    maxDirectives: { enabled: true, n: 50 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
}
