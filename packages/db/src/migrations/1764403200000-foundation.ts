import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE } from '../roles.js';

/** The request role and the fixed tenant catalogue (townships, headquarters, district units). */
export class Foundation1764403200000 implements MigrationInterface {
  name = 'Foundation1764403200000';

  async up(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: several databases (tests, replicas) may race to create it.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE ${REQUEST_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('GRANT ${REQUEST_ROLE} TO %I', current_user);
      EXCEPTION WHEN duplicate_object OR invalid_grant_operation THEN NULL; END $$;`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${REQUEST_ROLE}`);

    await q.query(`
      CREATE TABLE township (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        terrain text NOT NULL CHECK (terrain IN ('mountain', 'plain')),
        pair_code text
      )`);
    await q.query(`
      CREATE TABLE headquarters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('park', 'area', 'renewal'))
      )`);
    await q.query(`
      CREATE TABLE district_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL
      )`);
    // The catalogue is public to every principal.
    await q.query(`GRANT SELECT ON township, headquarters, district_unit TO ${REQUEST_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE district_unit, headquarters, township');
  }
}
