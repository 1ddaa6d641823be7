import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createHanjiangClient } from './client.js';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

// A gateway stand-in with the socket side of the contract in apps/gateway/docs/live-updates.md: connection_init
// carries the token, `renewSocketToken` over the same socket hands it a new one.
const received: { init: string[]; renewed: string[] } = { init: [], renewed: [] };
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { ok: { type: GraphQLString, resolve: () => 'ok' } },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      renewSocketToken: {
        type: new GraphQLObjectType({
          name: 'SocketRenewal',
          fields: { subject: { type: GraphQLString }, expiresAt: { type: GraphQLString } },
        }),
        args: { token: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_root, args: { token: string }) => {
          received.renewed.push(args.token);
          return { subject: 'u1', expiresAt: 'later' };
        },
      },
    },
  }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      ping: {
        type: GraphQLString,
        subscribe: async function* () {
          yield { ping: 'pong' };
          await new Promise(() => undefined); // stays open
        },
      },
    },
  }),
});

const PingSubscription = parse('subscription Ping { ping }') as TypedDocumentNode<
  { ping: string },
  Record<string, never>
>;

describe('session token renewal on an open socket', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer();
    const wss = new WebSocketServer({ server, path: '/graphql' });
    useServer(
      {
        schema,
        onConnect: (ctx) => {
          received.init.push(String((ctx.connectionParams as { authorization?: string }).authorization));
        },
      },
      wss,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('hands the renewed token to the open socket, so its subscriptions go on', async () => {
    let renewedTo = '';
    const fetch = ((_u: string | URL | Request, _init?: RequestInit) =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            data: {
              switchTenant: { token: 'fresh', expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
      )) as typeof globalThis.fetch;
    const pings: string[] = [];
    let live = false;
    const client = createHanjiangClient({
      url,
      // Renewal is due 30 s before expiry: this one is due in about half a second.
      credential: {
        kind: 'session',
        token: 'first',
        expiresAt: new Date(Date.now() + 30_500).toISOString(),
        membershipId: 'm1',
      },
      fetch,
      webSocketImpl: WebSocket,
      onStatus: (s) => (live = s === 'live'),
      onTokenRenewed: (t) => (renewedTo = t.token),
    });
    client.live(
      PingSubscription,
      () => ({}),
      (d) => pings.push(String(d.ping)),
    );
    const deadline = Date.now() + 20_000;
    while (received.renewed.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    client.dispose();

    expect(received.init).toEqual(['Bearer first']); // one socket: renewed in band, not reconnected
    expect(renewedTo).toBe('fresh');
    expect(received.renewed).toEqual(['fresh']);
    expect(pings).toEqual(['pong']);
    expect(live).toBe(true);
  });
});
