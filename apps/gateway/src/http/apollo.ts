import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type pg from 'pg';
import type { GatewayContext } from '../context.js';
import { type createArmor, PARSE_OPTIONS } from '../limits.js';
import type { Logger } from '../logger.js';
import type { DocumentCache } from '../graphql/document-cache.js';
import { jitGateway, type OperationExecutor } from '../graphql/jit-executor.js';
import { type ExposurePolicy, schemaExposurePlugin } from '../graphql/schema-exposure.js';
import { apolloDocumentStage } from '../pipeline/apollo-documents.js';
import { persistedQueryStore } from '../pipeline/persisted-queries.js';
import { type OperationPolicy, policyPlugin } from '../pipeline/policies.js';
import { refusalAuditPlugin } from '../pipeline/refusals.js';
import { transactionPlugin } from './transaction-plugin.js';

export interface ApolloOptions {
  schema: GraphQLSchema;
  armor: ReturnType<ReturnType<typeof createArmor>['protect']>;
  documents: DocumentCache;
  executor: OperationExecutor;
  policies: readonly OperationPolicy[];
  exposure: ExposurePolicy;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  exposeSqlStats: boolean;
  pool: () => pg.Pool;
  logger: Logger;
  /** PERSISTED_QUERY_MAX_ROWS: the bound of the shared persisted-query table. */
  persistedQueryMaxRows: number;
}

/**
 * Apollo as the HTTP protocol layer for what the fast path leaves to it (GET, persisted queries, content
 * negotiation, errors and edge cases), with the pipeline's stages as its document store, executor and plugins:
 * the same document cache, policies and executor as every other entry (pipeline/stages.ts).
 */
export async function startApollo(o: ApolloOptions): Promise<ApolloServer<GatewayContext>> {
  const apolloDocuments = apolloDocumentStage(o.documents);
  const apollo = new ApolloServer<GatewayContext>({
    ...o.armor,
    gateway: jitGateway(o.schema, o.executor),
    documentStore: apolloDocuments.documentStore,
    parseOptions: PARSE_OPTIONS,
    // Automatic persisted queries every replica sees (PostgreSQL behind an in-memory cache).
    persistedQueries: { cache: persistedQueryStore(o.pool, o.logger, o.persistedQueryMaxRows) },
    includeStacktraceInErrorResponses: false,
    // Apollo's switch knows no caller: it stays on and schemaExposurePlugin applies the rule per principal.
    introspection: true,
    formatError: o.formatError,
    plugins: [
      ...(o.armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      apolloDocuments.plugin,
      policyPlugin(o.policies),
      refusalAuditPlugin(),
      schemaExposurePlugin(o.exposure),
      // No HTTP caching of tenant data; the cache-control plugin's per-field wrapper costs ≈ 6 % CPU for nothing.
      ApolloServerPluginCacheControlDisabled(),
      // The landing page loads from a CDN; the gateway serves its own bundled IDE instead (static/graphql-ide.ts).
      ApolloServerPluginLandingPageDisabled(),
      transactionPlugin(o.exposeSqlStats),
    ],
  });
  await apollo.start();
  return apollo;
}
