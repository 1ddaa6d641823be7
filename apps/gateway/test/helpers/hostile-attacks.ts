// The abuse suite of fault-hostile-volume.test.ts, run in a process of its own: generating the attacks (2 MB
// bodies, a socket flood, response parsing) in the test's own event loop delayed the legitimate clients measured
// there — that was most of the "p99 under attack" before this moved (see the test's header). Each attack kind
// loops from its own loopback address until the deadline. Prints `ready` once its payloads are built, then runs one
// round of attacks per line read on stdin (`<deadline, epoch ms> <network, e.g. 127.0.0> <importer token>`), printing
// `round` after each — the test interleaves quiet and attacked slices, after a warm-up round from other addresses
// and another importer — and when stdin ends prints `{ counts, unexpected, cpuMs }` as one JSON line (the warm-up's
// attacks not counted).
// Usage: node --import tsx test/helpers/hostile-attacks.ts <url> [skip,…]
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { lastColumnRows, rawXlsx } from '../fixtures/xlsx-raw.js';
import { rawRequest } from './raw-http.js';

const [url = '', skipArg = ''] = process.argv.slice(2);
const SKIP = skipArg.split(',').filter(Boolean);
const skipped = (name: string) => SKIP.some((k) => name.startsWith(k));
/** The network of the measured rounds; any other round is the warm-up. */
const MEASURED_NETWORK = '127.0.0';

interface Round {
  /** Epoch ms. */
  until: number;
  /** The first three parts of the round's loopback addresses: each attack kind sends from `<network>.<2–9>`. */
  network: string;
  importer: string;
}

/** Each round as the test sends it, when it wants one (so this process's start-up is not measured). */
async function* rounds(): AsyncGenerator<Round> {
  process.stdout.write('ready\n');
  let buffered = '';
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [until = '', network = '', importer = ''] = line.trim().split(' ');
      if (until) yield { until: Number(until), network, importer };
    }
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
      while (Date.now() < until && !skipped(name)) {
        const { status } = await send().catch(() => ({ status: -1 }));
        counts[name] = (counts[name] ?? 0) + 1;
        counts[`${name} ${status}`] = (counts[`${name} ${status}`] ?? 0) + 1;
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
  for await (const round of rounds()) {
    until = round.until;
    const at = (n: number) => `${round.network}.${n}`;
    const importer = round.importer;
    const attacks = [
      attack('alias bomb', at(2), () => post(at(2), JSON.stringify({ query: aliasBomb })), answeredOrRefused),
      attack(
        'query bomb (40 aliased pages)',
        at(3),
        () => post(at(3), JSON.stringify({ query: deep })),
        answeredOrRefused,
      ),
      // Refused at request start once its address has spent its anonymous budget, a 2 MB upload is not read: the
      // connection closes while the client is still writing, which it may see as a reset before the 429.
      attack(
        'oversized body (2 MB)',
        at(4),
        () => post(at(4), huge),
        (s) => s === -1 || refused(s),
      ),
      attack('malformed JSON', at(5), () => post(at(5), '{"query": "{ campaign { day } }"'), refused),
      attack(
        'gzip bomb (50 MB inflated)',
        at(6),
        () => post(at(6), gzBomb, { 'content-encoding': 'gzip' }),
        refused,
      ),
      attack(
        'spreadsheet bomb (50,000 × XFD)',
        at(7),
        () =>
          post(
            at(7),
            JSON.stringify({
              query:
                'mutation ($input: ImportHouseholdsInput!) { importHouseholds(input: $input) { totalRows } }',
              variables: { input: { fileBase64: sheet, format: 'XLSX', dryRun: true } },
            }),
            { authorization: `Bearer ${importer}` },
          ),
        answeredOrRefused,
      ),
      skipped('slow clients') ? Promise.resolve() : slowClients(url, at(8), until, counts),
      skipped('ws flood') ? Promise.resolve() : socketFlood(url, at(9), until, counts),
    ];
    await Promise.all(attacks);
    // The warm-up round (its own network) is not counted: its refusals only warm both processes' code paths.
    if (round.network !== MEASURED_NETWORK) for (const k of Object.keys(counts)) delete counts[k];
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
