import { derivePasswordKey } from '@hanjiang/db';
import type { Role, TenantKind } from '@hanjiang/domain';
import type pg from 'pg';
import { tenantSettings } from '../../credentials/tenant-settings.js';
import { RequestTransaction } from '../../db/request-transaction.js';

export interface LoginRow {
  user_id: string;
  display_name: string;
  demo: boolean;
  disabled: boolean;
  membership_id: string | null;
  tenant_kind: TenantKind | null;
  tenant_code: string | null;
  role: Role | null;
  team_id: string | null;
  is_default: boolean | null;
}

/** The user's rows when the password is right, else none (unknown user and wrong password alike). */
export type CheckCredentials = (username: string, password: string) => Promise<LoginRow[]>;

/**
 * Checks a sign-in without ever holding a pooled connection while the password is hashed: each database step
 * runs in a short transaction of its own (as the request role, anonymous) that ends before the caller goes
 * on, and scrypt (≈ 40–150 ms) runs with no connection held. Holding one idle in a transaction through slow
 * work is how aliased logins once starved the pool for every other caller. The request's own transaction stays
 * unopened, so a failed sign-in holds no connection at all.
 */
export function credentialsCheckOn(pool: () => pg.Pool): CheckCredentials {
  return async (username, password) => {
    // The database hands out the salt and parameters only (made-up ones for an unknown user, so the work and the
    // answer are the same) and compares the derived key itself: no hash ever leaves it.
    const [found] = await inShortTransaction(pool(), (tx) =>
      tx.query<{ params: string }>('SELECT app.password_params($1) AS params', [username]),
    );
    const derived = found ? await derivePasswordKey(password, found.params) : null;
    if (!derived) return [];
    return inShortTransaction(pool(), (tx) =>
      tx.query<LoginRow>('SELECT * FROM app.find_login($1, $2)', [username, derived]),
    );
  };
}

/** `work` in a transaction of its own under the anonymous settings, ended (rolled back: it only reads) at once. */
async function inShortTransaction<T>(
  pool: pg.Pool,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  const tx = new RequestTransaction(pool, tenantSettings(null));
  try {
    return await work(tx);
  } finally {
    await tx.rollback();
  }
}
