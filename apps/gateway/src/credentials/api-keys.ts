import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyScope, Principal } from '@hanjiang/authz';
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
  scopes: ApiKeyScope[];
  rate_per_minute: number | null;
  cost_per_minute: number | null;
  allow_list_only: boolean;
}

/** A key's own limits (null = the gateway's defaults) and its allow-list mode, read by the policies. */
export interface ApiKeySettings {
  readonly keyId: string;
  readonly ratePerMinute: number | null;
  readonly costPerMinute: number | null;
  readonly allowListOnly: boolean;
}

/** The principal of an API key, with the key's settings (still a Principal wherever one is expected). */
export interface KeyPrincipal extends Principal {
  readonly kind: 'apikey';
  readonly apiKey: ApiKeySettings;
}

export function keySettingsOf(principal: Principal | null): ApiKeySettings | null {
  return principal?.kind === 'apikey' ? ((principal as Partial<KeyPrincipal>).apiKey ?? null) : null;
}

/** last_used_at is written at most this often per key (and per replica; the database also ignores more). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves API keys to principals. Lookups are cached for a few seconds (keys are checked on every request of
 * an integrator); a revoked key stops working within that window, or at once where the revocation's live event
 * arrives (`forget`, wired in server.ts). Open sockets are re-checked separately (ws/socket-credentials.ts).
 */
export class ApiKeyResolver {
  private readonly cache = new LRUCache<string, { row: KeyRow | null }>({ max: 10_000, ttl: 5_000 });
  private readonly touched = new LRUCache<string, true>({ max: 10_000, ttl: TOUCH_EVERY_MS });

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** The key's principal and when it expires (an open socket closes then), or null for a key that does not stand. */
  async resolve(presented: string): Promise<{ principal: KeyPrincipal; expiresAt: Date | null } | null> {
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
    this.touch(row.key_id);
    return {
      principal: {
        kind: 'apikey',
        subject: `apikey:${row.key_id}`,
        tenantKind: row.tenant_kind,
        tenantCode: row.tenant_code,
        role: row.role,
        teamId: null,
        membershipId: null,
        scopes: row.scopes,
        apiKey: {
          keyId: row.key_id,
          ratePerMinute: row.rate_per_minute,
          costPerMinute: row.cost_per_minute,
          allowListOnly: row.allow_list_only,
        },
      },
      expiresAt: row.expires_at,
    };
  }

  /** Records the use off the request's path, at most once a minute per key: a hot key costs no write per request. */
  private touch(keyId: string): void {
    if (this.touched.has(keyId)) return;
    this.touched.set(keyId, true);
    asNobody(this.pool(), (client) => client.query('SELECT app.touch_api_key($1)', [keyId])).catch(
      (error: unknown) => {
        this.touched.delete(keyId);
        this.onError(error);
      },
    );
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
