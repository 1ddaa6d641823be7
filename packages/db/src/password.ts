import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

// N=2^15, r=8, p=1: 32 MiB and ≈ 40–150 ms per hash on these 2-core machines (idle vs loaded) — slow for
// guessing, fine for sign-in.
const PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: MAX_MEM });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that never verifies, compared against when the user is unknown so timing does not reveal it. */
export const DUMMY_PASSWORD_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`;

/**
 * The key scrypt derives from `password` under stored parameters `scrypt$N$r$p$salt` (app.password_params), as
 * base64url — what app.find_login compares with the stored hash, so the hash itself never leaves the database.
 * Null when the parameters are not ones this code would have written.
 */
export async function derivePasswordKey(password: string, params: string): Promise<string | null> {
  const [scheme, n, r, p, salt, ...rest] = params.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || rest.length > 0) return null;
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEM };
  if (![options.N, options.r, options.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), KEY_LENGTH, options);
  return key.toString('base64url');
}
