// What the raw baseline and PostGraphile do with a bearer token: verify it exactly as the gateway does
// (HS256, issuer, audience, exp) and turn its claims into the same transaction-local settings the gateway sets.
import { createSecretKey, type KeyObject } from 'node:crypto';
import { type ScopeSettings, signScope } from '@hanjiang/db';
import jwt from 'jsonwebtoken';

export const JWT_ISSUER = 'hanjiang-campaign';
export const JWT_AUDIENCE = 'hanjiang-campaign-api';
export const REQUEST_ROLE = 'hanjiang_app';

export type Settings = Readonly<Record<string, string>>;

/** The settings the policies read, signed with the database's scope key as the gateway signs them. */
export function settingsFromClaims(claims: Record<string, unknown>, scopeKey: Buffer): Settings | null {
  const { tk, tc, role, team, username } = claims;
  if (
    typeof tk !== 'string' ||
    typeof tc !== 'string' ||
    typeof role !== 'string' ||
    typeof username !== 'string'
  )
    return null;
  const settings: ScopeSettings = {
    'app.tenant_kind': tk,
    'app.tenant_id': tc,
    'app.role': role,
    'app.team_id': typeof team === 'string' ? team : '',
    'app.subject': username,
  };
  return signScope(settings, scopeKey);
}

export interface Caller {
  settings: Settings;
  subject: string;
  role: string;
  membershipId: string | null;
}

/** The caller of an `authorization` header, or null when it is missing or invalid. */
export function callerFromAuthorization(
  header: string | undefined,
  secret: string,
  scopeKey: Buffer,
): Caller | null {
  const claims = verifiedClaims(header, secret);
  const settings = claims && settingsFromClaims(claims, scopeKey);
  if (!claims || !settings) return null;
  return {
    settings,
    subject: settings['app.subject']!,
    role: settings['app.role']!,
    membershipId: typeof claims.mid === 'string' ? claims.mid : null,
  };
}

/** The settings for an `authorization` header, or null when it is missing or invalid. */
export function settingsFromAuthorization(
  header: string | undefined,
  secret: string,
  scopeKey: Buffer,
): Settings | null {
  const claims = verifiedClaims(header, secret);
  return claims && settingsFromClaims(claims, scopeKey);
}

// jsonwebtoken, given a string, first tries createPublicKey on it — which throws (with a stack trace) on every
// request for an HS256 secret. A KeyObject made once skips that.
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

function verifiedClaims(header: string | undefined, secret: string): Record<string, unknown> | null {
  if (!header?.startsWith('Bearer ')) return null;
  try {
    const payload = jwt.verify(header.slice(7), keyFor(secret), {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      clockTolerance: 60,
    });
    return typeof payload === 'string' ? null : payload;
  } catch {
    return null;
  }
}
