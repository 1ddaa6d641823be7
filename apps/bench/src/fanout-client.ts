// One client process of the fan-out scenario (forked by fanout/client-process.ts, two or more): opens WebSockets speaking
// graphql-transport-ws (the graphql-ws protocol, written directly on `ws` so that the client stays cheap),
// several leaderboard subscriptions per socket, and reports when each subscription received its first result
// after being armed. Timestamps are wall-clock milliseconds (performance.timeOrigin + now()), comparable with
// the parent's on the same machine. Exits on 'close', or when its parent goes away.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export interface OpenCommand {
  type: 'open';
  url: string;
  query: string;
  /** One token per socket. */
  tokens: string[];
  subscriptionsPerSocket: number;
  deadlineMs: number;
}
export type ParentMessage =
  OpenCommand | { type: 'arm'; seq: number } | { type: 'collect'; seq: number } | { type: 'close' };
export type WorkerMessage =
  | { type: 'opened'; sockets: number; subscriptions: number; initial: number; problems: string[] }
  | { type: 'times'; seq: number; times: number[]; missing: number; extra: number; problems: string[] }
  | { type: 'closed' };

const now = () => performance.timeOrigin + performance.now();
const send = (message: WorkerMessage) => process.send?.(message);

const sockets: WebSocket[] = [];
let total = 0;
let perSocket = 1;
/** Results received per subscription (index = socket × perSocket + id − 1). */
let received = new Uint32Array(0);
let initial = 0;
const problems: string[] = [];
const problem = (text: string) => {
  if (problems.length < 20) problems.push(text);
};

let armed: { seq: number; at: Float64Array; count: number; extra: number; sent: boolean } | null = null;
let closing = false;

function report(): void {
  if (!armed || armed.sent) return;
  armed.sent = true;
  const times: number[] = [];
  for (const t of armed.at) if (t > 0) times.push(t);
  send({
    type: 'times',
    seq: armed.seq,
    times,
    missing: total - times.length,
    extra: armed.extra,
    problems: problems.splice(0),
  });
}

function onMessage(socketIndex: number, data: WebSocket.RawData, ws: WebSocket, command: OpenCommand): void {
  const at = now();
  const text = (
    Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
  ).toString();
  let message: { type?: string; id?: string; payload?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    problem(`unparsable message ${text.slice(0, 120)}`);
    return;
  }
  switch (message.type) {
    case 'connection_ack':
      for (let id = 1; id <= perSocket; id += 1)
        ws.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query: command.query } }));
      return;
    case 'ping':
      ws.send(JSON.stringify({ type: 'pong' }));
      return;
    case 'next': {
      const index = socketIndex * perSocket + Number(message.id) - 1;
      const payload = message.payload as { data?: { leaderboardChanged?: unknown[] }; errors?: unknown };
      if (payload.errors || !payload.data?.leaderboardChanged?.length) {
        problem(`subscription ${index}: ${text.slice(0, 200)}`);
        return;
      }
      received[index] = (received[index] ?? 0) + 1;
      if (received[index] === 1) initial += 1;
      else if (armed) {
        if (armed.at[index] === 0) {
          armed.at[index] = at;
          armed.count += 1;
          if (armed.count === total) report();
        } else armed.extra += 1;
      }
      return;
    }
    case 'error':
    case 'complete':
      problem(`subscription ${message.id ?? '?'}: ${message.type} ${text.slice(0, 200)}`);
      return;
    case undefined:
    default:
      return;
  }
}

function openSocket(command: OpenCommand, socketIndex: number): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(command.url, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets.push(ws);
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    ws.on('open', () => {
      ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: `Bearer ${command.tokens[socketIndex]}` },
        }),
      );
      settle();
    });
    ws.on('message', (data) => onMessage(socketIndex, data, ws, command));
    ws.on('error', (error) => {
      problem(`socket ${socketIndex}: ${error.message}`);
      settle();
    });
    ws.on('close', (code, reason) => {
      if (!closing) problem(`socket ${socketIndex} closed ${code} ${reason.toString()}`);
      settle();
    });
  });
}

async function open(command: OpenCommand): Promise<void> {
  perSocket = command.subscriptionsPerSocket;
  total = command.tokens.length * perSocket;
  received = new Uint32Array(total);
  // A bounded number of handshakes in flight, so the listen backlog never overflows.
  let next = 0;
  const lanes = Array.from({ length: 64 }, async () => {
    while (next < command.tokens.length) {
      const i = next;
      next += 1;
      await openSocket(command, i);
    }
  });
  await Promise.all(lanes);
  while (initial < total && Date.now() < command.deadlineMs && problems.length === 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
  send({
    type: 'opened',
    sockets: sockets.length,
    subscriptions: total,
    initial,
    problems: problems.splice(0),
  });
}

process.on('message', (message: ParentMessage) => {
  switch (message.type) {
    case 'open':
      void open(message);
      return;
    case 'arm':
      armed = { seq: message.seq, at: new Float64Array(total), count: 0, extra: 0, sent: false };
      return;
    case 'collect':
      if (armed?.seq === message.seq) report();
      return;
    case 'close': {
      closing = true;
      for (const ws of sockets) ws.terminate();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 50);
      return;
    }
  }
});
process.on('disconnect', () => process.exit(0));
