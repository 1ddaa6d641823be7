// Issue 14, live: the district console refreshes when a day's summary is written. The event names the day only
// (what each subscriber may see of it is read by `dailySummary` under its own scope), is sent on COMMIT, and
// reaches every signed-in subscriber whatever its tenant; an anonymous one is refused.
import { addDays, shanghaiDate } from '@hanjiang/domain';
import type { Client } from 'graphql-ws';
import type { Gateway } from '../src/server.js';
import { wsClient } from './helpers/graphql.js';
import { Collector, sleep } from './helpers/live.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { asUser, tokenFor } from './helpers/sessions.js';

type Published = { dailySummaryPublished: { day: string } };
const PUBLISHED = 'subscription { dailySummaryPublished { day } }';
const RUN = 'mutation ($day: String) { runDailySummary(day: $day) { day teams } }';

describe('dailySummaryPublished', () => {
  let opened: SeededGateway;
  let gateway: Gateway;
  const clients: Client[] = [];
  const streams = new Map<string, Collector<Published>>();

  beforeAll(async () => {
    opened = await openSeededGateway();
    gateway = opened.gateway;
    for (const username of ['district.inspector', 'baisha.viewer']) {
      const client = wsClient(gateway.url, {
        authorization: `Bearer ${await tokenFor(gateway.url, username)}`,
      });
      clients.push(client);
      streams.set(username, new Collector<Published>(client, PUBLISHED));
    }
    await sleep(300); // subscriptions registered before the first write
  });
  afterAll(async () => {
    for (const client of clients) void client.dispose();
    await closeSeededGateway(opened);
  });

  it('reaches every signed-in subscriber after a run commits, naming the day', async () => {
    const yesterday = addDays(shanghaiDate(new Date()), -1);
    const run = await asUser<{ runDailySummary: { day: string; teams: number } }>(
      gateway.url,
      'baisha.commander',
      RUN,
      { day: yesterday },
    );
    expect(run.errors).toBeUndefined();
    for (const stream of streams.values()) {
      const [first] = await stream.waitFor(1);
      expect(first).toEqual({ data: { dailySummaryPublished: { day: yesterday } } });
    }
  });

  it('a refused run (a future day) announces nothing', async () => {
    const before = [...streams.values()].map((s) => s.items.length);
    const refused = await asUser(gateway.url, 'baisha.commander', RUN, {
      day: addDays(shanghaiDate(new Date()), 2),
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Then a run that does commit: its event is the next one each subscriber receives.
    const today = shanghaiDate(new Date());
    expect((await asUser(gateway.url, 'baisha.commander', RUN, { day: today })).errors).toBeUndefined();
    for (const [i, stream] of [...streams.values()].entries()) {
      const [next] = (await stream.waitFor(before[i]! + 1)).slice(before[i]);
      expect(next?.data?.dailySummaryPublished.day).toBe(today);
    }
  });

  it('an anonymous subscriber is refused', async () => {
    const client = wsClient(gateway.url);
    clients.push(client);
    const anonymous = new Collector<Published>(client, PUBLISHED);
    const deadline = Date.now() + 5_000;
    while (!anonymous.failure && anonymous.items.length === 0 && Date.now() < deadline) await sleep(20);
    const refusal = JSON.stringify(anonymous.failure ?? anonymous.items);
    expect(refusal).toMatch(/UNAUTHENTICATED/);
  });
});
