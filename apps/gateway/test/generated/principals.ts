// The principals the generated attacks run as — one of every kind the demo seed has, and a township's API key —
// and the two transports (HTTP POST and graphql-ws) an operation is sent over.
import type { Principal } from '@hanjiang/authz';
import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { generateApiKey } from '../../src/credentials/api-keys.js';
import { gql, wsClient } from '../helpers/graphql.js';
import { tokenFor } from '../helpers/sessions.js';

export interface Actor {
  label: string;
  /** HTTP headers and WebSocket connectionParams that authenticate it. */
  headers: Record<string, string>;
  connectionParams: Record<string, unknown>;
  principal: Principal;
}

/** Demo accounts of every kind; `baisha.*` work (as helpers) in 白塘, so their scope crosses a township line. */
export const DEMO_USERNAMES = [
  'baisha.cadre',
  'qiulu.viewer',
  'baisha.commander',
  'baitang-lake.commander',
  'district.admin',
  'district.inspector',
] as const;

/** The township whose API key is attacked with (a viewer key, as an integrator's usually is). */
export const KEY_TOWNSHIP = 'wutang';

const ME = '{ me { kind subject tenantKind tenantCode role teamId memberships { id active } } }';

interface MeResult {
  me: Omit<Principal, 'membershipId'> & { memberships: { id: string; active: boolean }[] };
}

async function identify(url: string, label: string, headers: Record<string, string>): Promise<Actor> {
  const result = await gql<MeResult>(url, ME, {}, headers);
  const me = result.data?.me;
  if (!me) throw new Error(`${label}: me failed: ${JSON.stringify(result.errors)}`);
  const { memberships, ...rest } = me;
  const principal: Principal = { ...rest, membershipId: memberships.find((m) => m.active)?.id ?? null };
  const authorization = headers.authorization ?? headers['x-api-key']!;
  return { label, headers, connectionParams: { authorization }, principal };
}

/** Signs every demo account in and inserts a township API key (as the owner, like auth.test.ts does). */
export async function openActors(url: string, owner: pg.Pool): Promise<Actor[]> {
  const actors: Actor[] = [];
  for (const username of DEMO_USERNAMES) {
    const token = await tokenFor(url, username);
    actors.push(await identify(url, username, { authorization: `Bearer ${token}` }));
  }
  const { key, prefix, secretHash } = generateApiKey();
  await owner.query(
    `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
     VALUES ($1, $2, 'generated attacks', 'township', $3, 'viewer', 'test')`,
    [prefix, secretHash, KEY_TOWNSHIP],
  );
  actors.push(await identify(url, `${KEY_TOWNSHIP} API key`, { 'x-api-key': key }));
  return actors;
}

export interface Outcome {
  /** HTTP status, or 0 over WebSocket. */
  status: number;
  data?: unknown;
  errors: { message?: string; extensions?: { code?: unknown } }[];
  /** Set when the socket closed or the transport failed: never expected. */
  transportError?: string;
}

export async function overHttp(
  url: string,
  actor: Actor,
  query: string,
  variables: object,
): Promise<Outcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...actor.headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { data?: unknown; errors?: Outcome['errors'] };
    return { status: response.status, data: body.data, errors: body.errors ?? [] };
  } catch {
    return { status: response.status, errors: [], transportError: `not JSON: ${text.slice(0, 200)}` };
  }
}

/** One socket per actor, reused for every operation; results of a query, or the first event of a subscription. */
export class SocketTransport {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly url: string) {}

  run(actor: Actor, query: string, variables: object, waitMs = 0): Promise<Outcome> {
    let client = this.clients.get(actor.label);
    if (!client) {
      // One socket per actor for all its operations, as an integrator's client keeps one: graphql-ws's lazy
      // client would otherwise close it after each operation and open (and authenticate) a new one per query.
      client = wsClient(this.url, actor.connectionParams, true);
      this.clients.set(actor.label, client);
    }
    return new Promise((resolve) => {
      const outcome: Outcome = { status: 0, errors: [] };
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        dispose();
        resolve(outcome);
      };
      const dispose = client.subscribe(
        { query, variables: variables as Record<string, unknown> },
        {
          next: (value) => {
            outcome.data = value.data;
            outcome.errors.push(...((value.errors ?? []) as Outcome['errors']));
            if (waitMs > 0) done();
          },
          error: (error) => {
            if (Array.isArray(error)) outcome.errors.push(...(error as Outcome['errors']));
            else outcome.transportError = describeError(error);
            done();
          },
          complete: done,
        },
      );
      if (waitMs > 0) timer = setTimeout(done, waitMs);
    });
  }

  /** Drops an actor's socket (after it failed, e.g. the gateway was killed): the next operation opens a new one. */
  async reset(actor: Actor): Promise<void> {
    const client = this.clients.get(actor.label);
    this.clients.delete(actor.label);
    await client?.dispose();
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map(async (c) => c.dispose()));
  }
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return `socket closed ${code} ${reason ?? ''}`;
  }
  return error instanceof Error ? error.message : JSON.stringify(error);
}

/** A live subscription held open for the whole test, collecting what it delivers. */
export class LiveWatch {
  readonly events: Outcome[] = [];
  private readonly client: Client;
  private readonly dispose: () => void;

  constructor(
    url: string,
    readonly actor: Actor,
    query: string,
  ) {
    this.client = wsClient(url, actor.connectionParams);
    this.dispose = this.client.subscribe(
      { query },
      {
        next: (value) =>
          this.events.push({
            status: 0,
            data: value.data,
            errors: (value.errors ?? []) as Outcome['errors'],
          }),
        error: (error) => this.events.push({ status: 0, errors: [], transportError: describeError(error) }),
        complete: () => undefined,
      },
    );
  }

  async close(): Promise<void> {
    this.dispose();
    await this.client.dispose();
  }
}
