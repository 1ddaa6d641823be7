import { createHash } from 'node:crypto';
import { type DocumentNode, print } from 'graphql';
export { documentCost } from '../limits.js';

/**
 * Facts about an operation the integrator audit records, computed once per document (documents are cached and
 * shared per text: graphql/document-cache.ts), never per request.
 */
const hashes = new WeakMap<DocumentNode, string>();

/** sha256 of the printed document: the same operation hashes alike whatever its whitespace. */
export function documentHash(document: DocumentNode): string {
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = createHash('sha256').update(print(document)).digest('hex');
    hashes.set(document, hash);
  }
  return hash;
}

/**
 * Rows returned: every element of every list in the answer, at any depth (a page of 50 households with 3 events
 * each is 50 edges + 150 events = 200). A connection's `node` is not itself in a list, so it is not counted twice.
 */
export function countRows(data: unknown): number {
  if (Array.isArray(data)) {
    let n = data.length;
    for (const item of data) if (item !== null && typeof item === 'object') n += countRows(item);
    return n;
  }
  if (data === null || typeof data !== 'object') return 0;
  let n = 0;
  for (const value of Object.values(data))
    if (value !== null && typeof value === 'object') n += countRows(value);
  return n;
}
