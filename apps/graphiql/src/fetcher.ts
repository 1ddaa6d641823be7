import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';

/** The credential headers the gateway reads, passed to a socket as connectionParams. */
const CREDENTIALS = ['authorization', 'x-api-key'] as const;

/**
 * One toolkit fetcher per distinct header set: HTTP requests carry the headers as they are; a subscription uses
 * that set's own graphql-ws client, authenticated with the credential headers. Changing the headers in the
 * editor therefore opens a new socket as the new caller instead of reusing one signed in as the old.
 */
export function createIdeFetcher(httpUrl: URL): Fetcher {
  const wsUrl = httpUrl.href.replace(/^http/, 'ws');
  const byHeaders = new Map<string, Fetcher>();
  return (params, options) => {
    const headers = Object.fromEntries(
      Object.entries(options?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    const key = JSON.stringify(headers);
    let fetcher = byHeaders.get(key);
    if (!fetcher) {
      const connectionParams: Record<string, string> = {};
      for (const name of CREDENTIALS) {
        if (headers[name]) connectionParams[name === 'x-api-key' ? 'authorization' : name] = headers[name];
      }
      fetcher = createGraphiQLFetcher({
        url: httpUrl.href,
        headers,
        wsClient: createClient({ url: wsUrl, connectionParams, lazy: true }),
      });
      byHeaders.set(key, fetcher);
    }
    // The toolkit tells a subscription (socket) from a query (POST) by the parsed document GraphiQL hands over;
    // without a schema (the gateway refuses anonymous introspection) that document is missing or stale, so the
    // text actually sent is parsed here.
    return fetcher(params, { ...options, documentAST: parseOrUndefined(params.query) });
  };
}

function parseOrUndefined(query: string) {
  try {
    return parse(query);
  } catch {
    return undefined; // the gateway answers a syntax error better than the IDE could
  }
}
