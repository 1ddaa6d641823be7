import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE } from '../roles.js';

/**
 * Household live events missed while a replica's bus was down (issue 16): household_event is already the outbox —
 * append-only, one row per announced change, written in the announcing transaction — so a replica whose LISTEN
 * connection or Redis subscriber dropped re-reads the events committed since shortly before the drop and hands
 * on those it had not delivered (apps/gateway/src/live/household-replay.ts).
 *
 * app.household_events_since gives what a NOTIFY payload carries — ids only, no personal data — to the request
 * role; every subscriber then re-reads the household under its own row-level security, as for a live event.
 */
export class LiveReplay1796074217912 implements MigrationInterface {
  name = 'LiveReplay1796074217912';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX household_event_occurred ON household_event (occurred_at)');
    await q.query(`CREATE FUNCTION app.household_events_since(p_since timestamptz, p_limit int)
       RETURNS TABLE (id uuid, household_id uuid, township_id uuid, headquarters_id uuid,
                      team_home_township_id uuid)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
       SELECT e.id, e.household_id, e.township_id, e.headquarters_id, e.team_home_township_id
       FROM household_event e WHERE e.occurred_at >= p_since
       ORDER BY e.occurred_at, e.seq LIMIT least(greatest(p_limit, 0), 10000)
     $$`);
    await q.query('REVOKE ALL ON FUNCTION app.household_events_since(timestamptz, int) FROM PUBLIC');
    await q.query(
      `GRANT EXECUTE ON FUNCTION app.household_events_since(timestamptz, int) TO ${REQUEST_ROLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION app.household_events_since(timestamptz, int)');
    await q.query('DROP INDEX household_event_occurred');
  }
}
