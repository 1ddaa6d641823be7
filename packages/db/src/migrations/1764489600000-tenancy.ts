import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';
import { tenancySql } from './sql/tenancy-schema.js';
import { tenancyPolicies } from './sql/tenancy-policies.js';

/**
 * The campaign's records and their row-level security. Tenant-scoped tables carry township_id and
 * headquarters_id (indexed first) and are ENABLE + FORCE RLS; policies read transaction-local settings
 * through app.* functions that turn '' into NULL, so an unset tenant sees nothing.
 */
export class Tenancy1764489600000 implements MigrationInterface {
  name = 'Tenancy1764489600000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of tenancySql(R)) await q.query(statement);
    for (const statement of tenancyPolicies(R)) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Tenancy1764489600000 is not reversible: restore from a backup instead'));
  }
}
