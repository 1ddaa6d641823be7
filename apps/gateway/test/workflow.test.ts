// @service-pass: transactions, constraints and counters in SQL, on PostgreSQL 15 as well (test/service-pass.mjs).
import { randomUUID } from 'node:crypto';
import {
  computeProgressCounters,
  computeProgressDaily,
  type ProgressCounterRow,
  type ProgressDailyRow,
  readScopeKey,
  verifyAuditChain,
} from '@hanjiang/db';
import pg from 'pg';
import { beginStatement } from '../src/db/request-transaction.js';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { gql } from './helpers/graphql.js';
import { tokenFor } from './helpers/sessions.js';
import { advance, REVERT } from './helpers/workflow.js';

describe('stage transitions: exactly once, counted, audited', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway({ DB_POOL_SIZE: '20' }, 4));
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  /** Counters and daily signings that differ from a recount of the events (as the owner, no RLS). */
  async function counterMismatches(): Promise<string[]> {
    const show = (r: object) =>
      JSON.stringify(r, (_k, v: unknown) =>
        typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? Number(v) : v,
      );
    const expected = [...(await computeProgressCounters(owner)), ...(await computeProgressDaily(owner))]
      .map(show)
      .sort();
    const counters = await owner.query<ProgressCounterRow>(
      `SELECT scope_kind, scope_code, households, measured, assessed, signed, vacated, demolished,
         building_area_m2::text, signed_area_m2::text FROM progress_counter`,
    );
    const daily = await owner.query<ProgressDailyRow>(
      `SELECT scope_kind, scope_code, day::text, signed, signed_area_m2::text FROM progress_daily WHERE signed <> 0`,
    );
    const actual = new Set([...counters.rows, ...daily.rows].map(show));
    expect(expected.length).toBeGreaterThan(100);
    expect(actual.size).toBe(expected.length);
    return expected.filter((row) => !actual.has(row));
  }

  it('50 clients advance 500 households with retries and duplicate deliveries: one event each, counters exact', async () => {
    const { rows: targets } = await owner.query<{ id: string; version: number }>(
      `SELECT id, version FROM household WHERE stage = 'SURVEYED' ORDER BY code LIMIT 500`,
    );
    expect(targets).toHaveLength(500);
    const before = Number((await owner.query('SELECT count(*) FROM household_event')).rows[0].count);
    await tokenFor(gateway.url, 'district.admin');
    const clients = Array.from({ length: 50 }, (_, c) => targets.slice(c * 10, c * 10 + 10));
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const results = await Promise.all(
      clients.map(async (mine) => {
        const outcomes: number[] = [];
        for (const household of mine) {
          const key = randomUUID();
          const deliveries = 1 + Math.floor(random() * 3); // 1–3 copies of the same request
          const sends = Array.from({ length: deliveries }, () =>
            advance(gateway.url, 'district.admin', household, 'MEASURED', key),
          );
          const settled = await Promise.all(sends);
          if (random() < 0.3)
            settled.push(await advance(gateway.url, 'district.admin', household, 'MEASURED', key)); // a late retry
          for (const r of settled) {
            expect(r.errors).toBeUndefined();
            outcomes.push(r.data!.advanceStage.version);
          }
          expect(new Set(settled.map((r) => r.data!.advanceStage.version)).size).toBe(1);
        }
        return outcomes;
      }),
    );
    expect(results.flat().length).toBeGreaterThanOrEqual(500);
    const after = Number((await owner.query('SELECT count(*) FROM household_event')).rows[0].count);
    expect(after - before).toBe(500);
    const perHousehold = await owner.query(
      `SELECT household_id FROM household_event WHERE household_id = ANY($1) AND to_stage = 'MEASURED' AND kind = 'ADVANCE'
       GROUP BY household_id HAVING count(*) <> 1`,
      [targets.map((t) => t.id)],
    );
    expect(perHousehold.rows).toEqual([]);
    expect(await counterMismatches()).toEqual([]);
    const duplicates = await owner.query(
      'SELECT scope_kind, scope_code, kind, threshold FROM milestone GROUP BY 1, 2, 3, 4 HAVING count(*) > 1',
    );
    expect(duplicates.rows).toEqual([]);
    const chain = await verifyAuditChain(owner);
    if (!chain.ok)
      console.log(
        JSON.stringify(chain),
        JSON.stringify((await owner.query('SELECT * FROM audit_log ORDER BY id LIMIT 3')).rows),
      );
    expect(chain.ok).toBe(true);
  }, 240_000);

  it('two commanders race with the same expectedVersion: one wins, the other gets CONFLICT with the current version', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN headquarters q ON q.id = h.headquarters_id JOIN township t ON t.id = h.township_id
       WHERE q.code = 'baitang-lake' AND t.code = 'baitang' AND h.stage = 'MEASURED' LIMIT 1`,
    );
    const household = rows[0]!;
    const [a, b] = await Promise.all([
      advance(gateway.url, 'baitang.commander', household, 'ASSESSED'),
      advance(gateway.url, 'baitang-lake.commander', household, 'ASSESSED'),
    ]);
    const codes = [a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const loser = [a, b].find((r) => r.errors)!;
    expect(loser.errors![0]!.extensions).toMatchObject({
      currentVersion: household.version + 1,
      currentStage: 'ASSESSED',
    });
  });

  it('a duplicate that waited for the row lock while the first delivery committed gets the same answer, not CONFLICT', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT id, version FROM household WHERE stage = 'SURVEYED' ORDER BY code DESC OFFSET 5 LIMIT 1`,
    );
    const household = rows[0]!;
    await tokenFor(gateway.url, 'district.admin');
    const key = randomUUID();
    // Both deliveries queue behind a lock held here; released, one commits while the other still waits for it,
    // so the second's lock statement began before the first's event existed.
    const holder = await owner.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM household WHERE id = $1 FOR UPDATE', [household.id]);
      const deliveries = [1, 2].map(() => advance(gateway.url, 'district.admin', household, 'MEASURED', key));
      const deadline = Date.now() + 10_000;
      for (let waiting = 0; waiting < 2;) {
        if (Date.now() > deadline) throw new Error('the two deliveries never queued behind the lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows: blocked } = await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
             AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF h%'`,
        );
        waiting = blocked[0]!.n;
      }
      await holder.query('COMMIT');
      const answers = await Promise.all(deliveries);
      expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
      expect(answers.map((a) => a.data!.advanceStage.version)).toEqual([
        household.version + 1,
        household.version + 1,
      ]);
    } finally {
      // Never hand a connection still holding the lock back to the pool (a no-op after COMMIT).
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
    const events = await owner.query('SELECT 1 FROM household_event WHERE idempotency_key = $1', [key]);
    expect(events.rowCount).toBe(1);
  });

  it('the same key with a different request is IDEMPOTENCY_KEY_REUSED; skipping a stage is INVALID_TRANSITION', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT id, version FROM household WHERE stage = 'SURVEYED' ORDER BY code DESC LIMIT 2`,
    );
    const key = randomUUID();
    expect((await advance(gateway.url, 'district.admin', rows[0]!, 'MEASURED', key)).errors).toBeUndefined();
    const reused = await advance(gateway.url, 'district.admin', rows[1]!, 'MEASURED', key);
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const skip = await advance(gateway.url, 'district.admin', rows[1]!, 'SIGNED');
    expect(skip.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('a failure after the event insert leaves no event, no counter change, no notification and no audit row', async () => {
    const { rows } = await owner.query<{ id: string; version: number; village: string }>(
      `SELECT h.id, h.version, v.code AS village FROM household h JOIN village v ON v.id = h.village_id
       WHERE h.stage = 'SURVEYED' ORDER BY h.code LIMIT 1 OFFSET 700`,
    );
    const household = rows[0]!;
    await owner.query(`CREATE FUNCTION pg_temp_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.scope_kind = 'village' AND NEW.scope_code = '${household.village}' THEN
        RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await owner.query(
      'CREATE TRIGGER inject_failure BEFORE UPDATE ON progress_counter FOR EACH ROW EXECUTE FUNCTION pg_temp_fail()',
    );
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query('LISTEN hanjiang_live');
    const snapshot = async () =>
      (
        await owner.query<{ events: string; audits: string; measured: string }>(
          // Sign-ins are audited too, in batches (advance may sign in): the write's own row is what must not exist.
          `SELECT (SELECT count(*) FROM household_event) AS events,
             (SELECT count(*) FROM audit_log WHERE operation <> 'login') AS audits,
           (SELECT sum(measured) FROM progress_counter) AS measured`,
        )
      ).rows[0];
    const beforeState = await snapshot();
    try {
      const result = await advance(gateway.url, 'district.admin', household, 'MEASURED');
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result)).not.toContain('injected failure');
      await new Promise((r) => setTimeout(r, 500));
      expect(await snapshot()).toEqual(beforeState);
      expect(heard).toEqual([]);
      const stage = await owner.query('SELECT stage, version FROM household WHERE id = $1', [household.id]);
      expect(stage.rows[0]).toEqual({ stage: 'SURVEYED', version: household.version });
    } finally {
      await listener.end();
      await owner.query('DROP TRIGGER inject_failure ON progress_counter');
      await owner.query('DROP FUNCTION pg_temp_fail()');
    }
  });

  it('a cadre cannot advance a household outside their team: the gateway refuses, and so does RLS on its own', async () => {
    // baisha.cadre works in 白塘 (江尾分组); a baitang household of another team is visible to baisha? no — pick one in 白塘 of another team.
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       JOIN work_team w ON w.id = h.team_id
       WHERE t.code = 'baisha' AND h.stage = 'SURVEYED' AND w.code <> 'baisha-helper-jiangwei' LIMIT 1`,
    );
    const household = rows[0];
    expect(household).toBeDefined();
    const refused = await advance(gateway.url, 'baisha.cadre', household!, 'MEASURED');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Bypass the gateway: the cadre's own settings straight into SQL.
    const { rows: team } = await owner.query<{ id: string }>(
      `SELECT id FROM work_team WHERE code = 'baisha-helper-jiangwei'`,
    );
    const client = await owner.connect();
    try {
      await client.query(
        beginStatement(
          {
            'app.tenant_kind': 'township',
            'app.tenant_id': 'baisha',
            'app.role': 'cadre',
            'app.team_id': team[0]!.id,
            'app.subject': 'baisha.cadre',
          },
          await readScopeKey(owner),
        ),
      );
      const updated = await client.query(
        `UPDATE household SET stage = 'MEASURED', version = version + 1 WHERE id = $1`,
        [household!.id],
      );
      expect(updated.rowCount).toBe(0);
      await expect(
        client.query(
          `INSERT INTO household_event (township_id, headquarters_id, household_id, team_id, kind, from_stage, to_stage,
             version, actor_subject, idempotency_key, request_hash)
           SELECT township_id, headquarters_id, id, team_id, 'ADVANCE', 'SURVEYED', 'MEASURED', version + 1,
             'baisha.cadre', 'rls-bypass-1', 'x' FROM household WHERE id = $1`,
          [household!.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('a commander reverts one step with a reason; a cadre may not revert', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baitang' AND h.stage = 'SIGNED' LIMIT 1`,
    );
    const household = rows[0]!;
    const token = await tokenFor(gateway.url, 'baitang.commander');
    const input = {
      householdId: household.id,
      reason: '协议金额录入有误,退回重签',
      idempotencyKey: randomUUID(),
      expectedVersion: household.version,
    };
    const reverted = await gql<{ revertStage: { stage: string; version: number } }>(
      gateway.url,
      REVERT,
      { input },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(reverted.data?.revertStage).toMatchObject({ stage: 'ASSESSED', version: household.version + 1 });
    const mismatches = await counterMismatches();
    if (mismatches.length) console.log(JSON.stringify(mismatches));
    expect(mismatches).toEqual([]);
    const cadre = await tokenFor(gateway.url, 'baitang.cadre');
    const refused = await gql(
      gateway.url,
      REVERT,
      { input: { ...input, idempotencyKey: randomUUID(), expectedVersion: household.version + 1 } },
      {
        authorization: `Bearer ${cadre}`,
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A correction is a commander's (DESIGN): the refusal must not tell the cadre that cadres may do it.
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      messageZh: '只有指挥长可以更正环节(退回上一环节):请由该户所在乡镇或指挥部的指挥长办理',
      messageEn:
        'Only a commander may correct a stage (take a household back one stage): ask a commander of its township or headquarters',
    });
  });

  it('audit:verify passes after the soak and detects a row altered by the table owner', async () => {
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true });
    const { rows } = await owner.query<{ id: string }>(
      'SELECT id::text FROM audit_log ORDER BY id LIMIT 1 OFFSET 10',
    );
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await owner.query(`UPDATE audit_log SET actor = 'someone-else' WHERE id = $1`, [rows[0]!.id]);
    await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const report = await verifyAuditChain(owner);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.id).toBe(rows[0]!.id);
  });

  it('district inspectors read the audit log; a township commander may not', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT id, version FROM household WHERE stage = 'SURVEYED' ORDER BY code LIMIT 1 OFFSET 900`,
    );
    // Sign-ins are audited in batches (modules/audit/audit.writer.ts): both are in before the advance.
    const inspectorToken = await tokenFor(gateway.url, 'district.inspector');
    await tokenFor(gateway.url, 'district.admin');
    await gateway.audit.flush();
    expect((await advance(gateway.url, 'district.admin', rows[0]!, 'MEASURED')).errors).toBeUndefined();
    const query = '{ auditLog(first: 50) { id actor operation outcome hash } }';
    const inspector = await gql<{ auditLog: { operation: string; actor: string }[] }>(
      gateway.url,
      query,
      {},
      { authorization: `Bearer ${inspectorToken}` },
    );
    expect(inspector.errors).toBeUndefined();
    // Newest first: the advance; before it, the inspector's own sign-in, which names who signed in.
    expect(inspector.data!.auditLog[0]).toEqual(
      expect.objectContaining({ operation: 'advanceStage', actor: 'district.admin', outcome: 'ok' }),
    );
    expect(inspector.data!.auditLog).toContainEqual(
      expect.objectContaining({ operation: 'login', actor: 'district.inspector', outcome: 'ok' }),
    );
    const commander = await gql(
      gateway.url,
      query,
      {},
      {
        authorization: `Bearer ${await tokenFor(gateway.url, 'baitang.commander')}`,
      },
    );
    expect(commander.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
