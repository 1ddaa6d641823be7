import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  extensions?: Record<string, unknown>;
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export function wsClient(
  httpUrl: string,
  connectionParams: Record<string, unknown> = {},
  /**
   * Keep one socket open until disposed, whatever runs on it (graphql-ws's lazy client closes it once nothing
   * runs, so each one-off query would open and authenticate a new one). Not `lazyCloseTimeout`: `dispose()` leaves
   * its timer running, which holds the process open.
   */
  keepOpen = false,
): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: !keepOpen,
    // A kept socket that fails (the gateway killed under it) is reported to the operation that used it.
    ...(keepOpen ? { onNonLazyError: () => undefined } : {}),
  });
}

/** Collects `count` results of a subscription, then completes it. */
export function takeFromSubscription<T>(
  client: Client,
  query: string,
  count: number,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: unknown[] }[]> {
  return new Promise((resolve, reject) => {
    const results: { data?: T; errors?: unknown[] }[] = [];
    const dispose = client.subscribe<T>(
      { query, variables: variables ?? {} },
      {
        next: (value) => {
          results.push(value as { data?: T; errors?: unknown[] });
          if (results.length >= count) {
            dispose();
            resolve(results);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(results),
      },
    );
  });
}
