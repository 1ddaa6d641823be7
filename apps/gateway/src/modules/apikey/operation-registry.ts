import type { Principal } from '@hanjiang/authz';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan } from '../../guards.js';
import { MAX_QUERY_BYTES } from '../../http/limits.js';
import type { ApiKeyService } from './apikey.service.js';
import type { RegisteredOperation } from './apikey.types.js';

/** Registers operations for allow-list keys (pipeline/allow-list.ts enforces them on every entry). */
export class OperationRegistry {
  constructor(private readonly keys: ApiKeyService) {}

  async register(
    ctx: GatewayContext,
    p: Principal,
    keyId: string,
    query: string,
  ): Promise<RegisteredOperation> {
    const key = await this.keys.find(ctx, p, keyId);
    assertCan(p, 'apikey:create', { tenantCode: key.tenantCode });
    if (query.trim().length === 0 || Buffer.byteLength(query) > MAX_QUERY_BYTES) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: `查询文本须为 1 到 ${MAX_QUERY_BYTES} 字节`,
        en: `query must be 1–${MAX_QUERY_BYTES} bytes`,
      });
    }
    const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? null;
    const [row] = await ctx.tx.query<{ hash: string | null }>(
      'SELECT app.register_operation($1, $2, $3) AS hash',
      [keyId, query, name],
    );
    if (!row?.hash) {
      throw publicError(ErrorCode.FORBIDDEN, {
        zh: '只有本单位指挥长本人可以管理接口密钥',
        en: 'Only a signed-in commander of this tenant may manage its API keys',
      });
    }
    return { keyId, sha256Hash: row.hash };
  }
}
