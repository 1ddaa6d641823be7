import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  Client,
  fetchExchange,
  stringifyDocument as print,
  type AnyVariables,
  type CombinedError,
} from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { type IssuedToken, TokenKeeper } from './auth/token-keeper.js';
import { RenewDocument, RenewSocketTokenDocument } from './generated/graphql.js';
import { startLiveStream, type LiveStream } from './live/live-stream.js';
import { startMilestoneFeed } from './live/milestone-feed.js';
import type { SequencedMilestone } from './live/milestone-resume.js';
import type { LiveTransport } from './live/transport.js';

/**
 * How an app proves who it is: a read-only display key (the big screen, no expiry, revocable) or a person's
 * session (a JWT from `login`, renewed before it expires through `switchTenant` to the same membership).
 */
export type Credential =
  | { readonly kind: 'apiKey'; readonly key: string }
  | {
      readonly kind: 'session';
      readonly token: string;
      readonly expiresAt: string;
      readonly membershipId: string;
    };

/** What a screen shows about its live connection. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface HanjiangClientOptions {
  /** The GraphQL endpoint over HTTP, e.g. `http://localhost:4000/graphql`; the socket is the same path (ws:). */
  readonly url: string;
  readonly credential: Credential;
  readonly onStatus?: (status: ConnectionStatus) => void;
  /** A session's token was renewed (e.g. to store it) or could not be renewed before it expired. */
  readonly onTokenRenewed?: (token: IssuedToken) => void;
  readonly onSessionExpired?: () => void;
  readonly fetch?: typeof fetch;
  readonly webSocketImpl?: unknown;
}

export interface HanjiangClient {
  /** urql for queries and mutations over HTTP (token added, renewed when stale). */
  readonly urql: Client;
  /** A subscription that resubscribes with back-off after any outage; `variables` is read on every attempt. */
  live<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars>,
    variables: () => TVars,
    onData: (data: TData) => void,
  ): LiveStream;
  /** `milestoneReached(after:)` resumed from the last milestone shown: none missed, none twice (milestone-feed.ts). */
  milestones<M extends SequencedMilestone>(
    document: TypedDocumentNode<{ milestoneReached: M }, { after?: string | null }>,
    start: SequencedMilestone | null,
    onMilestone: (milestone: M) => void,
  ): LiveStream;
  readonly transport: LiveTransport;
  dispose(): void;
}

export function wsUrlOf(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

function authorization(credential: Credential, keeper: TokenKeeper | null): string {
  return credential.kind === 'apiKey' ? `Bearer ${credential.key}` : `Bearer ${keeper!.token}`;
}

function isUnauthenticated(error: CombinedError): boolean {
  return (
    (error.response as Response | undefined)?.status === 401 ||
    error.graphQLErrors.some(
      (e) => (e.extensions as { code?: string } | undefined)?.code === 'UNAUTHENTICATED',
    )
  );
}

export function createHanjiangClient(options: HanjiangClientOptions): HanjiangClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const { credential } = options;
  let socketOpen = false;
  let wsClient: WsClient | null = null;

  const keeper =
    credential.kind === 'session'
      ? new TokenKeeper({
          initial: { token: credential.token, expiresAt: credential.expiresAt },
          renew: (current) => renewOverHttp(doFetch, options.url, current, credential.membershipId),
          onRenewed: (fresh) => {
            options.onTokenRenewed?.(fresh);
            // The open socket gets the token in-band so its subscriptions continue; a later socket reads it from
            // connectionParams anyway.
            if (socketOpen && wsClient) renewSocket(wsClient, fresh.token);
          },
          onExpired: options.onSessionExpired,
        })
      : null;

  const urql = new Client({
    url: options.url,
    fetch: doFetch,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [
      authExchange((utils) =>
        Promise.resolve({
          addAuthToOperation: (operation) =>
            utils.appendHeaders(operation, { authorization: authorization(credential, keeper) }),
          willAuthError: () => keeper?.needsRenewal() ?? false,
          didAuthError: (error) => keeper !== null && isUnauthenticated(error),
          refreshAuth: async () => {
            await keeper?.renewNow().catch(() => undefined);
          },
        }),
      ),
      fetchExchange,
    ],
  });

  let status: ConnectionStatus = 'connecting';
  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  wsClient = createWsClient({
    url: wsUrlOf(options.url),
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    // Reconnection is the live streams' job (startLiveStream): they resubscribe with fresh variables (cursors).
    retryAttempts: 0,
    keepAlive: 10_000,
    connectionParams: () => ({ authorization: authorization(credential, keeper) }),
    on: {
      connected: () => {
        socketOpen = true;
        setStatus('live');
      },
      closed: () => {
        socketOpen = false;
        if (streams.size > 0) setStatus('reconnecting');
      },
    },
  });
  const ws = wsClient;

  const transport: LiveTransport = {
    subscribe: (payload, sink) =>
      ws.subscribe(
        { query: payload.query, variables: payload.variables },
        {
          next: (value) => sink.next(value as never),
          error: (error) => sink.error(error),
          complete: () => sink.complete(),
        },
      ),
  };

  const streams = new Set<LiveStream>();
  const track = (stream: LiveStream): LiveStream => {
    const handle: LiveStream = {
      stop() {
        streams.delete(handle);
        stream.stop();
      },
    };
    streams.add(handle);
    return handle;
  };
  return {
    urql,
    transport,
    live: (document, variables, onData) =>
      track(startLiveStream({ transport, query: print(document), variables, onData })),
    milestones: (document, start, onMilestone) =>
      track(startMilestoneFeed({ transport, query: print(document), start, onMilestone })),
    dispose() {
      for (const stream of [...streams]) stream.stop();
      keeper?.stop();
      void ws.dispose();
    },
  };
}

async function renewOverHttp(
  doFetch: typeof fetch,
  url: string,
  token: string,
  membershipId: string,
): Promise<IssuedToken> {
  const response = await doFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(RenewDocument), variables: { membershipId } }),
  });
  const body = (await response.json()) as {
    data?: { switchTenant?: IssuedToken } | null;
    errors?: { message: string }[];
  };
  const fresh = body.data?.switchTenant;
  if (!fresh) throw new Error(body.errors?.[0]?.message ?? `token renewal failed (HTTP ${response.status})`);
  return fresh;
}

function renewSocket(ws: WsClient, token: string): void {
  const done = ws.subscribe(
    { query: print(RenewSocketTokenDocument), variables: { token } },
    { next: () => undefined, error: () => undefined, complete: () => undefined },
  );
  void done;
}

export type { AnyVariables };
