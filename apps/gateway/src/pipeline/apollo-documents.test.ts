import { ApolloServer } from '@apollo/server';
import { buildSchema, type DocumentNode, specifiedRules } from 'graphql';
import { DocumentCache } from '../graphql/document-cache.js';
import { apolloDocumentStage } from './apollo-documents.js';

const schema = buildSchema('type Query { day: Int }');

async function serverWith(documents: DocumentCache) {
  const stage = apolloDocumentStage(documents);
  const seen: DocumentNode[] = [];
  const server = new ApolloServer({
    schema,
    documentStore: stage.documentStore,
    plugins: [
      stage.plugin,
      {
        requestDidStart: () =>
          Promise.resolve({
            didResolveOperation({ document }) {
              seen.push(document);
              return Promise.resolve();
            },
          }),
      },
    ],
  });
  await server.start();
  return { server, seen };
}

describe("Apollo's entry resolves documents through the pipeline's stage", () => {
  it('executes the very document the shared cache resolved (Apollo parses nothing itself)', async () => {
    const documents = new DocumentCache(schema, specifiedRules);
    const { server, seen } = await serverWith(documents);
    const query = '{ day }';
    const result = await server.executeOperation({ query });
    expect(result.body.kind === 'single' && result.body.singleResult.errors).toBeUndefined();
    const cached = documents.check(query);
    if (cached.errors) throw new Error('the cache refused a valid document');
    expect(seen[0]).toBe(cached.document);
    await server.stop();
  });

  it('leaves a refused document to Apollo, which words the refusal', async () => {
    const documents = new DocumentCache(schema, specifiedRules);
    const { server, seen } = await serverWith(documents);
    const result = await server.executeOperation({ query: '{ dayy }' });
    expect(result.body.kind === 'single' && result.body.singleResult.errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(documents.check('{ dayy }').errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(seen).toEqual([]);
    await server.stop();
  });
});
