import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';
import { auditBatchSql } from './sql/audit-batch.js';

/**
 * The integrator audit (issue 12): audit rows with details (hash version 3), the gateway's batched append, and
 * app.api_key_usage. See sql/audit-batch.ts.
 */
export class IntegratorAudit1796071774812 implements MigrationInterface {
  name = 'IntegratorAudit1796071774812';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of auditBatchSql(R)) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('IntegratorAudit1796071774812 is not reversible: restore from a backup'));
  }
}
