import { createHash } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { asNobody } from '../credentials/credential-lookup.js';
import { keySettingsOf } from '../credentials/api-keys.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import type { OperationPolicy } from './policies.js';

const hashes = new WeakMap<DocumentNode, string>();

/** SHA-256 (hex) of the exact text the document was parsed from: the hash persisted queries and manifests use. */
export function documentHash(document: DocumentNode): string {
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = createHash('sha256')
      .update(document.loc?.source.body ?? '')
      .digest('hex');
    hashes.set(document, hash);
  }
  return hash;
}

/**
 * Allow-list mode per key: a key with `allow_list_only` runs only operations registered for it (by the hash of
 * their exact text), on every entry. Registered hashes are cached per key for a few seconds; a hash not in the
 * cached set is looked up again before refusing, so a just-registered operation runs at once on every replica,
 * and only an allow-list key's refused operations cost a lookup. Other callers pay one property read.
 */
export class AllowList {
  private readonly byKey = new LRUCache<string, ReadonlySet<string>>({ max: 10_000, ttl: 5_000 });

  constructor(private readonly pool: () => pg.Pool) {}

  readonly policy: OperationPolicy = (op) => {
    const key = keySettingsOf(op.principal);
    if (!key?.allowListOnly) return null;
    const hash = documentHash(op.document);
    if (this.byKey.get(key.keyId)?.has(hash)) return null;
    return this.load(key.keyId).then(
      (registered) => (registered.has(hash) ? null : operationNotAllowed()),
      // The lookup failed (a starved pool): the operation is not known to be allowed, and nothing is wrong with it.
      () => publicError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { http: { status: 503 } }),
    );
  };

  private async load(keyId: string): Promise<ReadonlySet<string>> {
    const rows = await asNobody(this.pool(), async (client) => {
      const result = await client.query<{ hash: string }>('SELECT app.key_operations($1) AS hash', [keyId]);
      return result.rows;
    });
    const registered = new Set(rows.map((r) => r.hash));
    this.byKey.set(keyId, registered);
    return registered;
  }
}

/** PERSISTED_QUERY_NOT_ALLOWED, 403: also the export download's header form for an allow-list key. */
export function operationNotAllowed() {
  return publicError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, undefined, { http: { status: 403 } });
}
