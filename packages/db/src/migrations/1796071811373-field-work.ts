import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';
import { fieldWorkSql } from './sql/field-work.js';

/** Issue 14 part A: visits, disputes, escalations, cadre credit on events and the reserve pool (all RLS-forced). */
export class FieldWork1796071811373 implements MigrationInterface {
  name = 'FieldWork1796071811373';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of fieldWorkSql(R)) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('FieldWork1796071811373 is not reversible: restore from a backup'));
  }
}
