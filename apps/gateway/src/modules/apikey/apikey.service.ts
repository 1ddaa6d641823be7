import type { ApiKeyResolver } from '../../credentials/api-keys.js';
import { type TenantKind, tenantKindOf } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { generateApiKey } from '../../credentials/api-keys.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import { MAX_QUERY_BYTES } from '../../limits.js';
import { type ApiKeyLimitsInput, ApiKeyScopeName, type CreateApiKeyInput } from './apikey.inputs.js';
import type { ApiKey, CreatedApiKey, RegisteredOperation } from './apikey.types.js';

declare module '../../context.js' {
  interface Services {
    readonly integratorKeys: ApiKeyService;
  }
}

interface KeyRow {
  id: string;
  prefix: string;
  name: string;
  tenant_kind: string;
  tenant_code: string;
  role: string;
  scopes: string[];
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  rate_per_minute: number | null;
  cost_per_minute: number | null;
  allow_list_only: boolean;
}

const MAX_RATE = 100_000;
const MAX_COST = 100_000_000;

function bad(zh: string, en: string) {
  return publicError(ErrorCode.BAD_USER_INPUT, { zh, en });
}

/** `baisha` or `township:baisha`: the tenant's kind comes from the catalogue, and a stated kind must agree. */
export function parseTenant(text: string): { kind: TenantKind; code: string } {
  const [first, second] = text.trim().split(':', 2);
  const code = (second ?? first ?? '').trim();
  const kind = tenantKindOf(code);
  if (!kind || (second !== undefined && first !== kind)) {
    throw bad(`未知的单位“${text}”`, `Unknown tenant "${text}" (a tenant code such as baisha, or kind:code)`);
  }
  return { kind, code };
}

function checkLimit(value: number | null | undefined, max: number, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw bad(`${name} 须在 1 到 ${max} 之间`, `${name} must be 1–${max}`);
  return value;
}

/**
 * Integrator keys: created, listed and revoked by a district admin (any tenant) or a commander (their own) —
 * `packages/authz` decides first, and the database functions re-check the caller's signed scope, so neither alone
 * can be talked into another tenant's keys. The secret exists only in the answer to createApiKey.
 */
export class ApiKeyService {
  /** The process's key lookup cache, so a revocation is refused here at once (other replicas: the bus event). */
  constructor(private readonly lookups: Pick<ApiKeyResolver, 'forget'>) {}

  async create(ctx: GatewayContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const p = requirePrincipal(ctx);
    const tenant = parseTenant(input.tenant);
    assertCan(p, 'apikey:create', { tenantCode: tenant.code });
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100)
      throw bad('名称须为 1 到 100 个字', 'name must be 1–100 characters');
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      throw bad('到期时间须在将来', 'expiresAt must be in the future');
    const limits: ApiKeyLimitsInput = input.limits ?? {};
    const rate = checkLimit(limits.ratePerMinute, MAX_RATE, 'ratePerMinute');
    const cost = checkLimit(limits.costPerMinute, MAX_COST, 'costPerMinute');
    const scopes = [...new Set([ApiKeyScopeName.READ, ...(input.scopes ?? [])])].sort();
    const { key, prefix, secretHash } = generateApiKey();
    const [row] = await ctx.tx.query<KeyRow>(
      'SELECT * FROM app.create_api_key($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [
        prefix,
        secretHash,
        name,
        tenant.kind,
        tenant.code,
        scopes,
        input.expiresAt ?? null,
        rate,
        cost,
        input.allowListOnly ?? false,
      ],
    );
    if (!row) throw forbidden();
    return { apiKey: present(row), secret: key };
  }

  async revoke(ctx: GatewayContext, id: string): Promise<ApiKey> {
    const p = requirePrincipal(ctx);
    const key = await this.find(ctx, id);
    assertCan(p, 'apikey:revoke', { tenantCode: key.tenantCode });
    // The update's trigger announces the lapse: every replica drops the cached lookup and closes the key's sockets.
    const [row] = await ctx.tx.query<KeyRow>('SELECT * FROM app.revoke_api_key($1)', [id]);
    // The event comes after COMMIT, on the bus: without this the revoking replica itself could serve the key from
    // its cache to the caller's very next request. (A lookup cached again before COMMIT is forgotten by the event.)
    if (row) this.lookups.forget(row.prefix);
    if (!row) {
      if (key.revokedAt) return key;
      throw forbidden();
    }
    return present(row);
  }

  async list(ctx: GatewayContext, tenant: string | null): Promise<ApiKey[]> {
    const p = requirePrincipal(ctx);
    const only = tenant ? parseTenant(tenant) : null;
    assertCan(p, 'apikey:read', { tenantCode: only?.code ?? p.tenantCode });
    const rows = await ctx.tx.query<KeyRow>('SELECT * FROM app.list_api_keys()', []);
    return rows.filter((r) => !only || r.tenant_code === only.code).map(present);
  }

  /** A key the caller may manage, or NOT_FOUND (also for another tenant's keys: their ids are not theirs to learn). */
  async find(ctx: GatewayContext, id: string): Promise<ApiKey> {
    const p = requirePrincipal(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
    assertCan(p, 'apikey:read', { tenantCode: p.tenantCode });
    const [row] = await ctx.tx.query<KeyRow>('SELECT * FROM app.list_api_keys() WHERE id = $1', [id]);
    if (!row) throw notFound();
    return present(row);
  }

  /**
   * Registers an operation an allow-list key may run (pipeline/allow-list.ts enforces it on every entry): the
   * same authority as creating the key; the database stores the hash of the exact text, and the text as a
   * persisted query so the key may send the hash alone.
   */
  async registerOperation(ctx: GatewayContext, keyId: string, query: string): Promise<RegisteredOperation> {
    const p = requirePrincipal(ctx);
    const key = await this.find(ctx, keyId);
    assertCan(p, 'apikey:create', { tenantCode: key.tenantCode });
    if (query.trim().length === 0 || Buffer.byteLength(query) > MAX_QUERY_BYTES) {
      throw bad(`查询文本须为 1 到 ${MAX_QUERY_BYTES} 字节`, `query must be 1–${MAX_QUERY_BYTES} bytes`);
    }
    const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? null;
    const [row] = await ctx.tx.query<{ hash: string | null }>(
      'SELECT app.register_operation($1, $2, $3) AS hash',
      [keyId, query, name],
    );
    if (!row?.hash) throw forbidden();
    return { keyId, sha256Hash: row.hash };
  }
}

function present(row: KeyRow): ApiKey {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    tenantKind: row.tenant_kind,
    tenantCode: row.tenant_code,
    role: row.role,
    scopes: row.scopes as ApiKeyScopeName[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    ratePerMinute: row.rate_per_minute,
    costPerMinute: row.cost_per_minute,
    allowListOnly: row.allow_list_only,
  };
}

function forbidden() {
  return publicError(ErrorCode.FORBIDDEN, {
    zh: '只有本单位指挥长本人可以管理接口密钥',
    en: 'Only a signed-in commander of this tenant may manage its API keys',
  });
}

function notFound() {
  return publicError(ErrorCode.NOT_FOUND, { zh: '没有这个接口密钥', en: 'No such API key' });
}
