import { DISTRICT_UNITS, HEADQUARTERS, TOWNSHIPS } from '@hanjiang/domain';
import type pg from 'pg';

/** Upserts the fixed tenant catalogue from packages/domain. Idempotent; safe on every start. */
export async function upsertCatalogue(client: pg.Pool | pg.PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO township (code, name_zh, terrain, pair_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, terrain = EXCLUDED.terrain`,
    [
      TOWNSHIPS.map((t) => t.code),
      TOWNSHIPS.map((t) => t.nameZh),
      TOWNSHIPS.map((t) => t.terrain),
      TOWNSHIPS.map((t) => t.pairCode),
    ],
  );
  await client.query(
    `INSERT INTO headquarters (code, name_zh, kind)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, kind = EXCLUDED.kind`,
    [HEADQUARTERS.map((h) => h.code), HEADQUARTERS.map((h) => h.nameZh), HEADQUARTERS.map((h) => h.kind)],
  );
  await client.query(
    `INSERT INTO district_unit (code, name_zh)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh`,
    [DISTRICT_UNITS.map((u) => u.code), DISTRICT_UNITS.map((u) => u.nameZh)],
  );
}
