import { createHash } from 'node:crypto';
import { SQL_VISIBILITY_SETTING_NAMES, type SqlVisibilitySettingName } from '@hanjiang/authz';
import type pg from 'pg';

/**
 * The settings the row-level-security policies read, in the order they are signed (see
 * migrations/sql/signed-scope.ts): packages/authz names them (sqlVisibilitySettings). Every value is a string;
 * '' means unset.
 */
export const SCOPE_SETTING_NAMES = SQL_VISIBILITY_SETTING_NAMES;
export type ScopeSettings = Readonly<Record<SqlVisibilitySettingName, string>>;
export const SCOPE_SIGNATURE_SETTING = 'app.scope_sig';

/**
 * The settings plus their signature: sha256(key ‖ sha256(key ‖ payload)), payload the five values joined by
 * U+001F — what app.scope_verified() recomputes. Without the key (which only the migration role can read) a
 * request cannot produce a valid signature for a scope it was not given.
 */
export function signScope(settings: ScopeSettings, key: Buffer): Readonly<Record<string, string>> {
  const payload = SCOPE_SETTING_NAMES.map((name) => settings[name]).join('\u001f');
  const inner = createHash('sha256').update(key).update(payload, 'utf8').digest();
  const signature = createHash('sha256').update(key).update(inner).digest('hex');
  return { ...settings, [SCOPE_SIGNATURE_SETTING]: signature };
}

/** The scope key, read over a connection of the migration role (the owner). */
export async function readScopeKey(owner: pg.Pool | pg.ClientBase): Promise<Buffer> {
  const { rows } = await owner.query<{ key: Buffer }>('SELECT key FROM app_private.scope_key WHERE id = 1');
  const key = rows[0]?.key;
  if (!key) throw new Error('app_private.scope_key is empty: run the migrations first');
  return key;
}
