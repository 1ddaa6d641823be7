import type { ApolloServerPlugin, DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { DocumentCache } from '../graphql/document-cache.js';

/**
 * Apollo's entry uses the pipeline's stage "resolve the document" (graphql/document-cache.ts) instead of its own
 * parse and validate: the plugin resolves each request's source through the shared cache as soon as Apollo knows
 * it (persisted queries included), and Apollo's document store then hands Apollo that document by its hash.
 *
 * Apollo parses and validates by itself only a source the stage refused, with the same parse options and rules,
 * to word the refusal in its HTTP shape (400, GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED).
 */
export function apolloDocumentStage(documents: DocumentCache): {
  documentStore: DocumentStore;
  plugin: ApolloServerPlugin;
} {
  const byHash = new LRUCache<string, DocumentNode>({ max: 2_000 });
  // Apollo prefixes its keys with the schema's hash ("<schema hash>:<query hash>").
  const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
  return {
    documentStore: {
      get: (key) => Promise.resolve(byHash.get(hashOf(key))),
      // Apollo stores only documents it parsed itself, i.e. refused ones: nothing to keep.
      set: () => Promise.resolve(),
      delete: (key) => Promise.resolve(byHash.delete(hashOf(key))),
    },
    plugin: {
      requestDidStart() {
        return Promise.resolve({
          didResolveSource({ source, queryHash }) {
            const checked = documents.check(source);
            if (!checked.errors) byHash.set(queryHash, checked.document);
            return Promise.resolve();
          },
        });
      },
    },
  };
}
