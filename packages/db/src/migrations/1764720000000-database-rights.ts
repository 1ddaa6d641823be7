import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';
import { auditChainV2Sql } from './sql/audit-chain-v2.js';
import { checkedCounterSql } from './sql/checked-counters.js';
import { credentialLookupSql } from './sql/credential-lookups.js';
import { resettlementDrawSql } from './sql/resettlement-draw.js';
import { signedScopeSql } from './sql/signed-scope.js';

/**
 * The database as the last line of defence (issue 13, items 6, 7 and 11): a signed tenant scope the request role
 * cannot raise, counters and milestones written only through checked functions, resettlement draws tied to the
 * household's headquarters, no hashes handed to the request role, and an audit hash that distinguishes NULL.
 * The gateway's own non-superuser login role is created at start-up (login-role.ts), not here: its password is
 * a secret of the running deployment.
 */
export class DatabaseRights1764720000000 implements MigrationInterface {
  name = 'DatabaseRights1764720000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      ...signedScopeSql(R),
      ...checkedCounterSql(R),
      ...resettlementDrawSql(R),
      ...credentialLookupSql(R),
      ...auditChainV2Sql(R),
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(
      new Error('DatabaseRights1764720000000 is not reversible: restore from a backup instead'),
    );
  }
}
