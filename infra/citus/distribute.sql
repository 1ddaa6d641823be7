-- Distribution plan for Citus (past one database). ON PAPER: not run anywhere yet — no Citus was available where
-- it was written (see README.md, "What was and was not tested"). Run on the coordinator, as the schema owner, on
-- a database migrated by the gateway (packages/db migrations), BEFORE any gateway serves it, in one session.
--
-- Layout: every table whose rows belong to one township is distributed by township_id and co-located with
-- household, so a signing (household, its event, its township-level counters) is a single-shard transaction.
-- Small catalogue and identity tables are reference tables (a full copy on every node). The audit chain stays on
-- the coordinator (one global hash chain).

BEGIN;
CREATE EXTENSION IF NOT EXISTS citus;

-- 1. Unique constraints on a distributed table must include the distribution column.
--    household: id stays unique in practice (gen_random_uuid), enforced per township.
ALTER TABLE household_event DROP CONSTRAINT household_event_household_id_fkey;
ALTER TABLE household DROP CONSTRAINT household_pkey CASCADE;
ALTER TABLE household ADD PRIMARY KEY (township_id, id);
ALTER TABLE household DROP CONSTRAINT household_code_key;
ALTER TABLE household ADD CONSTRAINT household_code_key UNIQUE (township_id, code);

--    household_event: the idempotency key is unique per township (a retry targets the same household, so the
--    same township); (household_id, version) keeps optimistic concurrency per household.
ALTER TABLE household_event DROP CONSTRAINT household_event_pkey CASCADE;
ALTER TABLE household_event ADD PRIMARY KEY (township_id, id);
ALTER TABLE household_event DROP CONSTRAINT household_event_household_id_version_key;
ALTER TABLE household_event ADD CONSTRAINT household_event_household_id_version_key
  UNIQUE (township_id, household_id, version);
ALTER TABLE household_event DROP CONSTRAINT household_event_actor_subject_idempotency_key_key;
ALTER TABLE household_event ADD CONSTRAINT household_event_actor_subject_idempotency_key_key
  UNIQUE (township_id, actor_subject, idempotency_key);
ALTER TABLE household_event DROP CONSTRAINT household_event_seq_key;
ALTER TABLE household_event ADD CONSTRAINT household_event_seq_key UNIQUE (township_id, seq);
ALTER TABLE household_event ADD FOREIGN KEY (township_id, household_id) REFERENCES household (township_id, id);

--    Counters become per-township partial rows: a scope's total is the sum over townships (README, "Counters").
ALTER TABLE progress_counter ADD COLUMN township_id uuid;
ALTER TABLE progress_daily ADD COLUMN township_id uuid;
--    (The data migration that splits existing totals into per-township rows is a migration of its own, written
--    when this plan is adopted: it recomputes every row from household, which is the source of truth.)
ALTER TABLE progress_counter DROP CONSTRAINT progress_counter_pkey;
ALTER TABLE progress_counter ALTER COLUMN township_id SET NOT NULL;
ALTER TABLE progress_counter ADD PRIMARY KEY (township_id, scope_kind, scope_code);
ALTER TABLE progress_daily DROP CONSTRAINT progress_daily_pkey;
ALTER TABLE progress_daily ALTER COLUMN township_id SET NOT NULL;
ALTER TABLE progress_daily ADD PRIMARY KEY (township_id, scope_kind, scope_code, day);

--    The counted-event guard travels with its event.
ALTER TABLE app_private.counted_event ADD COLUMN township_id uuid;
ALTER TABLE app_private.counted_event DROP CONSTRAINT counted_event_pkey;
ALTER TABLE app_private.counted_event ALTER COLUMN township_id SET NOT NULL;
ALTER TABLE app_private.counted_event ADD PRIMARY KEY (township_id, event_id);

-- 2. Reference tables: read by every query's joins and by the RLS policies; few rows, rare writes.
SELECT create_reference_table('township');
SELECT create_reference_table('headquarters');
SELECT create_reference_table('district_unit');
SELECT create_reference_table('campaign');
SELECT create_reference_table('village');
SELECT create_reference_table('work_team');
SELECT create_reference_table('team_village');
SELECT create_reference_table('cadre');
SELECT create_reference_table('resettlement_site');
SELECT create_reference_table('inspection');
SELECT create_reference_table('user_account');
SELECT create_reference_table('membership');
SELECT create_reference_table('api_key');
SELECT create_reference_table('milestone');
SELECT create_reference_table('app_private.scope_key');

-- 3. Distributed, co-located with household by township_id.
SELECT create_distributed_table('household', 'township_id', shard_count => 32);
SELECT create_distributed_table('household_event', 'township_id', colocate_with => 'household');
SELECT create_distributed_table('progress_counter', 'township_id', colocate_with => 'household');
SELECT create_distributed_table('progress_daily', 'township_id', colocate_with => 'household');
SELECT create_distributed_table('app_private.counted_event', 'township_id', colocate_with => 'household');

-- 4. The audit chain stays one table on the coordinator: one global hash chain, its head exported to /metrics.
SELECT citus_add_local_table_to_metadata('audit_log');

-- 5. Not yet possible, and why: app.count_transition(p_event_id) and app.record_milestones(p_event_id, …) take the
--    event's id, not its township, so Citus cannot route them to the event's shard. With an overload taking the
--    township first (a gateway change), they would be delegated to the shard:
--      SELECT create_distributed_function('app.count_transition(uuid, uuid)', '$1', colocate_with => 'household');
--    Until then they run on the coordinator and reach the shard through the distributed tables (correct, slower).
COMMIT;
