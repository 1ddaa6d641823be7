// Issue 11: every entry against every stage of the operation pipeline (src/pipeline/stages.ts), one table. The
// table's type is a Record over both lists, so adding an entry or a stage without deciding its cells does not
// compile, and the first test checks the lists at run time too. A cell that cannot apply says why.
import { createHash } from 'node:crypto';
import { ENTRIES, Entry, STAGES, Stage } from '../src/pipeline/stages.js';
import { exportCells } from './helpers/export-matrix.js';
import { expectPublicError } from './helpers/public-error.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { RawSocket } from './helpers/live-socket.js';
import { touchHousehold, writeLive } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}
interface Answer extends GraphQLAnswer {
  status: number | null;
  headers: Headers | null;
}
interface Ask {
  query: string;
  variables?: Record<string, unknown>;
  token?: string | null;
  requestId?: string;
}

type Cell = ((entry: Entry) => Promise<void>) | { notApplicable: string };

let opened: SeededGateway;
const tokens = new Map<string, string>();
const token = async (username: string) => {
  let found = tokens.get(username);
  if (!found) tokens.set(username, (found = await tokenFor(opened.gateway.url, username)));
  return found;
};
const sockets: RawSocket[] = [];
let operationId = 0;

async function overHttp(entry: Entry, ask: Ask): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (ask.token) headers.authorization = `Bearer ${ask.token}`;
  if (ask.requestId) headers['x-request-id'] = ask.requestId;
  let response: Response;
  if (entry === Entry.HTTP_GET) {
    const url = new URL(opened.gateway.url);
    url.searchParams.set('query', ask.query);
    if (ask.variables) url.searchParams.set('variables', JSON.stringify(ask.variables));
    // Apollo's CSRF prevention wants a header a browser form cannot send.
    response = await fetch(url, { headers: { ...headers, 'apollo-require-preflight': '1' } });
  } else if (entry === Entry.PERSISTED_QUERY) {
    const sha256Hash = createHash('sha256').update(ask.query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: object, withHeaders: Record<string, string>) =>
      fetch(opened.gateway.url, { method: 'POST', headers: withHeaders, body: JSON.stringify(body) });
    // The text is registered once, anonymously (so a registered write is refused, not run), as Apollo's
    // clients do; a text the gateway refuses is never registered, and that refusal is the entry's answer.
    const registered = await post(
      { query: ask.query, extensions, variables: ask.variables },
      { 'content-type': 'application/json' },
    );
    if (registered.status >= 400) {
      return {
        status: registered.status,
        headers: registered.headers,
        ...((await registered.json()) as GraphQLAnswer),
      };
    }
    response = await post({ extensions, variables: ask.variables }, headers);
  } else {
    if (entry === Entry.HTTP_POST_GRAPHQL_RESPONSE) headers.accept = 'application/graphql-response+json';
    response = await fetch(opened.gateway.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: ask.query, variables: ask.variables }),
    });
  }
  return {
    status: response.status,
    headers: response.headers,
    ...((await response.json()) as GraphQLAnswer),
  };
}

async function overSocket(ask: Ask): Promise<Answer> {
  const socket = await RawSocket.open(opened.gateway.url, ask.token ? `Bearer ${ask.token}` : undefined);
  sockets.push(socket);
  const id = `op${(operationId += 1)}`;
  socket.subscribe(id, ask.query, ask.variables);
  const message = await socket.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  const body =
    message.type === 'error'
      ? { errors: message.payload as Answer['errors'] }
      : (message.payload as GraphQLAnswer);
  return { status: null, headers: null, ...body };
}

const ask = (entry: Entry, question: Ask): Promise<Answer> =>
  entry === Entry.WS_SINGLE || entry === Entry.WS_SUBSCRIPTION
    ? overSocket(question)
    : overHttp(entry, question);

const isHttp = (entry: Entry) => entry !== Entry.WS_SINGLE && entry !== Entry.WS_SUBSCRIPTION;

/** The same question in each entry's form: subscriptions ask the live counterpart of a query. */
const QUERY = {
  plain: (entry: Entry) =>
    entry === Entry.WS_SUBSCRIPTION ? 'subscription { campaignProgress { day } }' : '{ campaign { day } }',
  aliases: (entry: Entry) => {
    const sixteen = Array.from({ length: 16 }, (_, i) => `a${i}: day`).join(' ');
    return entry === Entry.WS_SUBSCRIPTION
      ? `subscription { campaignProgress { ${sixteen} } }`
      : `{ campaign { ${sixteen} } }`;
  },
  nul: (entry: Entry) =>
    entry === Entry.WS_SUBSCRIPTION
      ? 'subscription ($after: String) { milestoneReached(after: $after) { seq } }'
      : 'query ($after: String) { milestones(after: $after, first: 1) { totalCount } }',
  typo: (entry: Entry) =>
    entry === Entry.WS_SUBSCRIPTION ? 'subscription { campaignProgress { dayy } }' : '{ campaign { dayy } }',
};

let period = 0;
/** A month never used before in this database (inspections are one per target and period). */
const freshPeriod = () => {
  period += 1;
  return `20${10 + Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`;
};
const RECORD = (alias: string, p: string) =>
  `${alias}: recordInspection(input: { targetKind: HEADQUARTERS, headquartersCode: "food-park", period: "${p}", score: 80 }) { score }`;
const inspections = async (p: string) =>
  Number(
    (await opened.owner.query<{ n: string }>('SELECT count(*) AS n FROM inspection WHERE period = $1', [p]))
      .rows[0]?.n,
  );
const auditRows = async (requestId: string) =>
  (
    await opened.owner.query<{ operation: string; outcome: string }>(
      'SELECT operation, outcome FROM audit_log WHERE request_id = $1',
      [requestId],
    )
  ).rows;

const WS_HAS_NO_HEADERS = 'a WebSocket operation has no HTTP headers; its id is in the log and the audit row';
const SUBSCRIPTIONS_WRITE_NOTHING =
  'subscriptions only read: each event runs in its own read-only transaction (live/fanout-group.ts)';

const cells: Record<Stage, Cell> = {
  [Stage.IDENTIFY]: async (entry) => {
    const requestId = `matrix-${entry}-${Date.now()}`;
    const answer = await ask(entry, {
      query: QUERY.plain(entry),
      token: await token('baisha.viewer'),
      requestId,
    });
    expect(answer.headers?.get('x-request-id')).toBe(requestId);
    expect(answer.headers?.get('content-type')).toMatch(
      entry === Entry.HTTP_POST_GRAPHQL_RESPONSE
        ? /^application\/graphql-response\+json/
        : /^application\/json/,
    );
  },
  [Stage.AUTHENTICATE]: async (entry) => {
    if (!isHttp(entry)) {
      const socket = await RawSocket.open(opened.gateway.url, 'Bearer not-a-token');
      expect(await socket.closed).toEqual({ code: 4401, reason: 'Unauthorized: invalid or expired token' });
      return;
    }
    const answer = await ask(entry, { query: QUERY.plain(entry), token: 'not-a-token' });
    expect(answer.status).toBe(401);
    expectPublicError(answer, 'UNAUTHENTICATED');
    expect(answer.data ?? null).toBeNull();
  },
  [Stage.RESOLVE_DOCUMENT]: async (entry) => {
    const answer = await ask(entry, { query: QUERY.aliases(entry), token: await token('baisha.viewer') });
    if (isHttp(entry)) expect(answer.status).toBe(400);
    expectPublicError(answer, 'QUERY_TOO_COMPLEX');
    expect(answer.errors?.[0]?.message).toMatch(/Aliases limit/);
  },
  [Stage.POLICIES]: async (entry) => {
    const answer = await ask(entry, {
      query: QUERY.nul(entry),
      variables: { after: 'cursor\u0000' },
      token: await token('baisha.viewer'),
    });
    if (isHttp(entry)) expect(answer.status).toBe(400);
    expectPublicError(answer, 'BAD_USER_INPUT', 'nul_character');
    expect(answer.errors?.[0]?.extensions?.messageZh).toBe('输入中不能含有空字符(U+0000)');
  },
  [Stage.OPEN_TRANSACTION]: async (entry) => {
    if (entry === Entry.WS_SUBSCRIPTION) {
      // Each event is read again under the subscriber's row-level security: another township's change never
      // arrives, its own does.
      const socket = await RawSocket.open(opened.gateway.url, `Bearer ${await token('guohuan.viewer')}`);
      sockets.push(socket);
      socket.subscribe('changes', 'subscription { householdChanged { code township { code } } }');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pick = async (township: string) =>
        (
          await opened.owner.query<{ id: string }>(
            `SELECT h.id FROM household h JOIN township t ON t.id = h.township_id
             WHERE t.code = $1 AND h.team_home_township_id IS DISTINCT FROM h.township_id LIMIT 1`,
            [township],
          )
        ).rows[0]!.id;
      const elsewhere = await pick('jiangkou');
      const own = await pick('guohuan');
      await writeLive(opened.owner, async (client) => [
        await touchHousehold(client, elsewhere),
        await touchHousehold(client, own),
      ]);
      const first = await socket.waitFor((m) => m.id === 'changes' && m.type === 'next');
      expect(first.payload).toMatchObject({ data: { householdChanged: { township: { code: 'guohuan' } } } });
      return;
    }
    const count = async (username: string) => {
      const answer = await ask(entry, {
        query: '{ households(first: 1) { totalCount } }',
        token: await token(username),
      });
      return (answer.data?.households as { totalCount: number }).totalCount;
    };
    const township = await count('guohuan.viewer');
    const district = await count('district.inspector');
    expect(township).toBeGreaterThan(0);
    expect(township).toBeLessThan(district);
  },
  [Stage.EXECUTE]: async (entry) => {
    if (entry === Entry.WS_SUBSCRIPTION) {
      const answer = await ask(entry, { query: QUERY.plain(entry), token: await token('baisha.viewer') });
      expect(answer.data).toEqual({ campaignProgress: { day: expect.any(Number) as number } });
      return;
    }
    // A resolver's refusal arrives at its path, with data for the fields that worked.
    const answer = await ask(entry, {
      query: '{ campaign { day } household(id: "not-an-id") { code } }',
      token: await token('baisha.viewer'),
    });
    expect(answer.data).toEqual({ campaign: { day: expect.any(Number) as number }, household: null });
    expect(answer.errors?.[0]?.path).toEqual(['household']);
    expectPublicError(answer, 'BAD_USER_INPUT');
  },
  [Stage.END_OPERATION]: async (entry) => {
    if (entry === Entry.WS_SINGLE) {
      // The one write on a socket: audited on success, rolled back (and not audited) when refused.
      const socket = await RawSocket.open(opened.gateway.url, `Bearer ${await token('baisha.viewer')}`);
      sockets.push(socket);
      const renew = async (fresh: string) => {
        const id = `renew${(operationId += 1)}`;
        socket.subscribe(id, 'mutation Renew($t: String!) { renewSocketToken(token: $t) { subject } }', {
          t: fresh,
        });
        return socket.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
      };
      const before = await opened.owner.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE operation = 'Renew'`,
      );
      const refused = await renew(await token('baitang.viewer'));
      expect(JSON.stringify(refused.payload)).toContain('FORBIDDEN');
      const accepted = await renew(await tokenFor(opened.gateway.url, 'baisha.viewer'));
      expect(accepted.payload).toMatchObject({
        data: { renewSocketToken: { subject: expect.any(String) as string } },
      });
      const after = await opened.owner.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE operation = 'Renew'`,
      );
      expect(Number(after.rows[0]?.n) - Number(before.rows[0]?.n)).toBe(1);
      return;
    }
    const inspector = await token('district.inspector');
    if (entry === Entry.HTTP_GET) {
      // Writes are not accepted over GET at all (a link must never write): nothing runs, nothing is audited.
      const p = freshPeriod();
      const answer = await ask(entry, { query: `mutation { ${RECORD('one', p)} }`, token: inspector });
      expect(answer.status).toBe(405);
      expect(await inspections(p)).toBe(0);
      return;
    }
    // A write with an error rolls back whole: the first field's row goes with the second's CONFLICT.
    const taken = freshPeriod();
    await ask(Entry.HTTP_POST, { query: `mutation { ${RECORD('setup', taken)} }`, token: inspector });
    const rolledBack = freshPeriod();
    const failedId = `matrix-fail-${entry}-${Date.now()}`;
    const failed = await ask(entry, {
      query: `mutation Both { ${RECORD('fresh', rolledBack)} ${RECORD('again', taken)} }`,
      token: inspector,
      requestId: failedId,
    });
    expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await inspections(rolledBack)).toBe(0);
    expect(await auditRows(failedId)).toEqual([]);
    // A successful one is audited in its own transaction, under its request id.
    const okId = `matrix-ok-${entry}-${Date.now()}`;
    const written = freshPeriod();
    const ok = await ask(entry, {
      query: `mutation Record { ${RECORD('one', written)} }`,
      token: inspector,
      requestId: okId,
    });
    expect(ok.errors).toBeUndefined();
    expect(await inspections(written)).toBe(1);
    expect(await auditRows(okId)).toEqual([{ operation: 'Record', outcome: 'ok' }]);
  },
  [Stage.FORMAT_ERRORS]: async (entry) => {
    const answer = await ask(entry, { query: QUERY.typo(entry), token: await token('baisha.viewer') });
    if (isHttp(entry)) expect(answer.status).toBe(400);
    expectPublicError(answer, 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.extensions?.messageZh).toBe('提交的数据不完整或格式不正确');
  },
};

/** Where an entry cannot have a stage, and why; every other cell runs the stage's check above. */
const NOT_APPLICABLE: Partial<Record<Entry, Partial<Record<Stage, string>>>> = {
  [Entry.WS_SINGLE]: { [Stage.IDENTIFY]: WS_HAS_NO_HEADERS },
  [Entry.WS_SUBSCRIPTION]: {
    [Stage.IDENTIFY]: WS_HAS_NO_HEADERS,
    [Stage.END_OPERATION]: SUBSCRIPTIONS_WRITE_NOTHING,
  },
};

/** The download's own form of each check: a query string in, a file or a JSON error out. */
const downloadCells = exportCells(() => opened, token);

const MATRIX: Record<Entry, Record<Stage, Cell>> = Object.fromEntries(
  ENTRIES.map((entry) => [
    entry,
    Object.fromEntries(
      STAGES.map((stage) => {
        const reason = NOT_APPLICABLE[entry]?.[stage];
        if (reason) return [stage, { notApplicable: reason }];
        return [stage, entry === Entry.EXPORT_DOWNLOAD ? downloadCells[stage] : cells[stage]];
      }),
    ),
  ]),
) as Record<Entry, Record<Stage, Cell>>;

describe('the operation pipeline: every entry × every stage', () => {
  beforeAll(async () => {
    opened = await openSeededGateway({}, 4);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await closeSeededGateway(opened);
  });

  it('covers exactly the entries and stages the pipeline declares', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ENTRIES].sort());
    for (const entry of ENTRIES) expect(Object.keys(MATRIX[entry]).sort()).toEqual([...STAGES].sort());
    expect(Object.keys(cells).sort()).toEqual([...STAGES].sort());
  });

  const rows = ENTRIES.flatMap((entry) => STAGES.map((stage) => [entry, stage] as const));
  it.each(rows)('%s × %s', async (entry, stage) => {
    const cell = MATRIX[entry][stage];
    if ('notApplicable' in cell) {
      expect(cell.notApplicable.length).toBeGreaterThan(20);
      return;
    }
    await cell(entry);
  });
});
