import type { DocumentNode, ValidationContext } from 'graphql';

const costs = new WeakMap<DocumentNode, number>();

/**
 * The cost graphql-armor's cost rule computed while the document was validated (once per text, in the shared
 * document cache): recorded here so the cost budget (pipeline/rate-limits.ts) charges the same figure the limit
 * checked, without walking the document again. A document with several operations records the dearest.
 */
export function recordCost(context: ValidationContext | null, details: unknown): void {
  const n = (details as { n?: unknown } | null)?.n;
  if (!context || typeof n !== 'number') return;
  const document = context.getDocument();
  costs.set(document, Math.max(costs.get(document) ?? 0, n));
}

/** At least 1: every operation costs something, even one armor priced at nothing. */
export function documentCost(document: DocumentNode): number {
  return Math.max(1, Math.ceil(costs.get(document) ?? 1));
}
