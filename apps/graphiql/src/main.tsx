// GraphiQL bundled with the gateway. Monaco's language workers come from graphiql's own Vite setup (bundled
// into dist/, never a CDN); the fetcher sends the header editor's headers on HTTP and, for subscriptions, opens a
// graphql-ws socket whose connectionParams carry the same `authorization` / `x-api-key` (the gateway
// authenticates sockets from connectionParams, not from HTTP headers).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createIdeFetcher } from './fetcher.js';

const DEFAULT_QUERY = `# 涵江征迁平台 GraphQL IDE — put your token or key in the Headers tab:
#   { "authorization": "Bearer <token from login>" }   or   { "x-api-key": "hj_…" }
# then re-fetch the schema (Shift-Ctrl-R) for completion and docs: anonymous callers may not introspect.
# Integrator guide: docs/integrators.md
{
  townships {
    code
    nameZh
    terrain
  }
}
`;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL
        fetcher={createIdeFetcher(new URL('/graphql', window.location.href))}
        defaultQuery={DEFAULT_QUERY}
        isHeadersEditorEnabled
        shouldPersistHeaders={false}
      />
    </StrictMode>,
  );
}
