import { type DocumentNode, Kind, visit, BREAK } from 'graphql';
import { badInput } from '../errors/bad-input.js';

const NUL = '\u0000';

/** True when any string in the value (nested objects and arrays, keys included) holds a NUL character. */
export function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(hasNul);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, inner]) => key.includes(NUL) || hasNul(inner));
  }
  return false;
}

// Documents are cached and shared (graphql/document-cache.ts): each is scanned once.
const nulInDocument = new WeakMap<DocumentNode, boolean>();

/** True when a string literal of the document (an argument written inline) holds a NUL character. */
export function documentHasNul(document: DocumentNode): boolean {
  const known = nulInDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  nulInDocument.set(document, found);
  return found;
}

/**
 * No input of this API may hold U+0000: PostgreSQL's text cannot store it (a query would fail with a database
 * error, and abort the whole operation's transaction) and no name, key or password needs it. Refused for every
 * String input at once, before execution: a request error, so HTTP 400.
 */
export function nulInputError() {
  return badInput(
    { zh: '输入中不能含有空字符(U+0000)', en: 'Input must not contain the NUL character (U+0000)' },
    { detail: 'nul_character', http: { status: 400 } },
  );
}
