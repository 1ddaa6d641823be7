import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { CatalogResolver } from './modules/catalog/catalog.resolver.js';
import { HealthResolver } from './modules/health/health.resolver.js';

export const resolvers = [HealthResolver, CatalogResolver] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    validate: false,
    emitSchemaFile: false,
    // Live events come from the gateway's own event hub; this in-process pub/sub only satisfies type-graphql.
    pubSub: createPubSub(),
  });
}
