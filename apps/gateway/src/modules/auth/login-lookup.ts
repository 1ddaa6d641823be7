import type { Role, TenantKind } from '@hanjiang/domain';
import type pg from 'pg';
import { tenantSettings } from '../../auth/tenant-settings.js';
import { RequestTransaction } from '../../db/request-transaction.js';

export interface LoginRow {
  user_id: string;
  display_name: string;
  password_hash: string;
  demo: boolean;
  disabled: boolean;
  membership_id: string | null;
  tenant_kind: TenantKind | null;
  tenant_code: string | null;
  role: Role | null;
  team_id: string | null;
  is_default: boolean | null;
}

export type FindLogin = (username: string) => Promise<LoginRow[]>;

/**
 * Looks a sign-in up in a transaction of its own that ends before the caller goes on: the password check that
 * follows (scrypt, ≈ 40–150 ms) and anything else the operation does must never run while a pooled connection
 * is held idle in a transaction — that is how aliased logins once starved the pool for every other caller.
 * The request's own transaction stays unopened, so a failed login holds no connection at all.
 */
export function findLoginOn(pool: () => pg.Pool): FindLogin {
  return async (username) => {
    const tx = new RequestTransaction(pool(), tenantSettings(null));
    try {
      return await tx.query<LoginRow>('SELECT * FROM app.find_login($1)', [username]);
    } finally {
      await tx.rollback();
    }
  };
}
