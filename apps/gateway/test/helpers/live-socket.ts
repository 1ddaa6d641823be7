import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { TEST_JWT_SECRET } from './in-process.js';
import { tokenFor } from './sessions.js';

type Message = { type: string; id?: string; payload?: unknown };

/**
 * A graphql-transport-ws client speaking the protocol by hand: graphql-ws's own client cannot put a payload in
 * a ping, which the in-band renewal (`{ type: 'ping', payload: { renewToken } }`) needs.
 */
export class RawSocket {
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString()) as Message));
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Opens and initialises; resolves once acknowledged (or closed: check `closed`). */
  static async open(httpUrl: string, authorization?: string): Promise<RawSocket> {
    const ws = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const socket = new RawSocket(ws);
    socket.send({ type: 'connection_init', payload: authorization ? { authorization } : {} });
    await Promise.race([socket.waitFor((m) => m.type === 'connection_ack'), socket.closed]);
    return socket;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(message: Message): void {
    this.ws.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send({ type: 'subscribe', id, payload: { query, variables } });
  }

  ping(payload: unknown): void {
    this.send({ type: 'ping', payload });
  }

  /** `next` payloads received for one operation id. */
  results(id: string): { data?: Record<string, unknown>; errors?: unknown[] }[] {
    return this.messages
      .filter((m) => m.id === id && m.type === 'next')
      .map((m) => m.payload as { data?: Record<string, unknown> });
  }

  async waitFor(predicate: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline || this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`no matching message; got ${JSON.stringify(this.messages)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** A JWT for a demo user with a chosen lifetime, signed with the test gateway's secret. */
export async function tokenWithTtl(url: string, username: string, ttlSeconds: number): Promise<string> {
  const claims = jwt.decode(await tokenFor(url, username)) as Record<string, unknown>;
  const { iat: _iat, exp: _exp, ...rest } = claims;
  return jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) + ttlSeconds }, TEST_JWT_SECRET);
}

/** Upgrade status for a socket opened with this Origin header (101 when accepted). */
export function upgradeStatus(httpUrl: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      headers: origin ? { origin } : {},
    });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}
