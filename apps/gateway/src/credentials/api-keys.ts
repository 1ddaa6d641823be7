import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '@hanjiang/authz';
import type { Role, TenantKind } from '@hanjiang/domain';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { asNobody } from './credential-lookup.js';

/** `hj_<prefix>_<secret>`: the prefix finds the row, only a SHA-256 of the high-entropy secret is stored. */
const KEY_FORMAT = /^hj_([a-z0-9]{10})_([A-Za-z0-9_-]{32,64})$/;

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  return { key: `hj_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface KeyRow {
  key_id: string;
  tenant_kind: TenantKind;
  tenant_code: string;
  role: Role;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Resolves API keys to principals. Lookups are cached for a few seconds (keys are checked on every request of
 * an integrator); a revoked key stops working within that window, or at once where the revocation's live event
 * arrives (`forget`, wired in server.ts). Open sockets are re-checked separately (ws/socket-credentials.ts).
 */
export class ApiKeyResolver {
  private readonly cache = new LRUCache<string, { row: KeyRow | null }>({ max: 10_000, ttl: 5_000 });

  constructor(private readonly pool: () => pg.Pool) {}

  async resolve(presented: string): Promise<Principal | null> {
    const match = KEY_FORMAT.exec(presented);
    if (!match?.[1] || !match[2]) return null;
    const [, prefix, secret] = match;
    // The database compares the hashes (app.find_api_key): the stored hash never leaves it.
    const secretHash = sha256(secret);
    const cacheKey = `${prefix}:${secretHash}`;
    let entry = this.cache.get(cacheKey);
    if (!entry) {
      entry = { row: await this.lookup(prefix, secretHash) };
      this.cache.set(cacheKey, entry);
    }
    const row = entry.row;
    if (!row) return null;
    if (row.revoked_at || (row.expires_at && row.expires_at.getTime() <= Date.now())) return null;
    return {
      kind: 'apikey',
      subject: `apikey:${row.key_id}`,
      tenantKind: row.tenant_kind,
      tenantCode: row.tenant_code,
      role: row.role,
      teamId: null,
      membershipId: null,
    };
  }

  forget(prefix: string): void {
    for (const cacheKey of this.cache.keys())
      if (cacheKey.startsWith(`${prefix}:`)) this.cache.delete(cacheKey);
  }

  private lookup(prefix: string, secretHash: string): Promise<KeyRow | null> {
    return asNobody(this.pool(), async (client) => {
      const { rows } = await client.query<KeyRow>('SELECT * FROM app.find_api_key($1, $2)', [
        prefix,
        secretHash,
      ]);
      return rows[0] ?? null;
    });
  }
}
