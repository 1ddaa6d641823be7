// The abuse suite of fault-hostile-volume.test.ts, run in a process of its own: generating the attacks (2 MB
// bodies, a socket flood, response parsing) in the test's own event loop delayed the legitimate clients measured
// there — that was most of the "p99 under attack" before this moved (see the test's header). Each attack kind
// loops from its own loopback address until the deadline. Prints `ready` once its payloads are built, then runs one
// round of attacks per line read on stdin (the round's deadline, epoch ms) — the test interleaves quiet and attacked
// slices — and when stdin ends prints `{ counts, unexpected, cpuMs }` as one JSON line.
// Usage: node --import tsx test/helpers/hostile-attacks.ts <url> <importer token> [skip,…]
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { lastColumnRows, rawXlsx } from '../fixtures/xlsx-raw.js';
import { rawRequest } from './raw-http.js';

const [url = '', importer = '', skipArg = ''] = process.argv.slice(2);
const SKIP = skipArg.split(',').filter(Boolean);

/** Each round's deadline, sent by the test when it wants one (so this process's start-up is not measured). */
async function* deadlines(): AsyncGenerator<number> {
  process.stdout.write('ready\n');
  let buffered = '';
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) yield Number(line);
  }
}

async function main(): Promise<void> {
  const counts: Record<string, number> = {};
  const unexpected: string[] = [];
  /** One attack kind in a loop from its own loopback address; every answer must be a 4xx refusal. */
  let until = 0;
  const attack = (
    name: string,
    address: string,
    send: () => Promise<{ status: number }>,
    ok: (s: number) => boolean,
  ) =>
    (async () => {
      while (Date.now() < until && !SKIP.some((k) => name.startsWith(k))) {
        const { status } = await send().catch(() => ({ status: -1 }));
        counts[name] = (counts[name] ?? 0) + 1;
        if (!ok(status) && unexpected.length < 20) unexpected.push(`${name}: ${status} (${address})`);
      }
    })();
  const post = (address: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    rawRequest({
      url,
      body,
      localAddress: address,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const deep = `{ ${'campaign { '.repeat(1)}day }${' '.repeat(10)}${'h: households(first: 1) { edges { node { id } } } '.repeat(40)}}`;
  const aliasBomb = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: campaign { day }`).join(' ')} }`;
  const huge = JSON.stringify({ query: `{ campaign { day } } #${'x'.repeat(2_000_000)}` });
  const gzBomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '));
  const sheet = rawXlsx(lastColumnRows(50_000)).toString('base64');
  const refused = (s: number) => s >= 400 && s < 500;
  const answeredOrRefused = (s: number) => s >= 200 && s < 500;
  for await (const deadline of deadlines()) {
    until = deadline;
    const attacks = [
      attack(
        'alias bomb',
        '127.0.0.2',
        () => post('127.0.0.2', JSON.stringify({ query: aliasBomb })),
        answeredOrRefused,
      ),
      attack(
        'query bomb (40 aliased pages)',
        '127.0.0.3',
        () => post('127.0.0.3', JSON.stringify({ query: deep })),
        answeredOrRefused,
      ),
      // Refused at request start once its address has spent its anonymous budget, a 2 MB upload is not read: the
      // connection closes while the client is still writing, which it may see as a reset before the 429.
      attack(
        'oversized body (2 MB)',
        '127.0.0.4',
        () => post('127.0.0.4', huge),
        (s) => s === -1 || refused(s),
      ),
      attack(
        'malformed JSON',
        '127.0.0.5',
        () => post('127.0.0.5', '{"query": "{ campaign { day } }"'),
        refused,
      ),
      attack(
        'gzip bomb (50 MB inflated)',
        '127.0.0.6',
        () => post('127.0.0.6', gzBomb, { 'content-encoding': 'gzip' }),
        refused,
      ),
      attack(
        'spreadsheet bomb (50,000 × XFD)',
        '127.0.0.7',
        () =>
          post(
            '127.0.0.7',
            JSON.stringify({
              query:
                'mutation ($input: ImportHouseholdsInput!) { importHouseholds(input: $input) { totalRows } }',
              variables: { input: { fileBase64: sheet, format: 'XLSX', dryRun: true } },
            }),
            { authorization: `Bearer ${importer}` },
          ),
        answeredOrRefused,
      ),
      slowClients(url, '127.0.0.8', until, counts),
      socketFlood(url, '127.0.0.9', until, counts),
    ];
    await Promise.all(attacks);
    process.stdout.write('round\n');
  }
  process.stdout.write(
    `${JSON.stringify({ counts, unexpected, cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000) })}\n`,
  );
}

/** Slowloris: connections that send a header byte at a time and never finish the request. */
async function slowClients(
  url: string,
  address: string,
  until: number,
  counts: Record<string, number>,
): Promise<void> {
  const sockets: Socket[] = [];
  const port = Number(new URL(url).port);
  for (let i = 0; i < 20; i += 1) {
    const socket = connect({ host: '127.0.0.1', port, localAddress: address });
    socket.on('error', () => undefined);
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    sockets.push(socket);
  }
  counts['slow clients'] = (counts['slow clients'] ?? 0) + sockets.length;
  while (Date.now() < until) {
    for (const s of sockets) if (!s.destroyed) s.write('X');
    await new Promise((r) => setTimeout(r, 500));
  }
  sockets.forEach((s) => s.destroy());
}

/** Opens uninitialised WebSockets from one address as fast as they are refused. */
async function socketFlood(
  url: string,
  address: string,
  until: number,
  counts: Record<string, number>,
): Promise<void> {
  const open: WebSocket[] = [];
  while (Date.now() < until) {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { localAddress: address });
    ws.on('error', () => undefined);
    open.push(ws);
    counts['ws flood'] = (counts['ws flood'] ?? 0) + 1;
    await new Promise((r) => ws.once('close', r).once('open', r));
    if (open.length > 200) open.shift()?.terminate();
  }
  open.forEach((ws) => ws.terminate());
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
