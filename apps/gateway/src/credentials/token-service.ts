import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Principal } from '@hanjiang/authz';
import type { Role, TenantKind } from '@hanjiang/domain';
import jwt, { type Algorithm } from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { Env } from '../env.js';

/** What a token carries: the user and the ACTIVE membership (tenant, role, team). Nothing else is trusted. */
export interface TokenClaims {
  sub: string;
  username: string;
  mid: string;
  tk: TenantKind;
  tc: string;
  role: Role;
  team: string | null;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export class InvalidTokenError extends Error {}

const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Signs and verifies JWTs. The algorithm list is pinned (HS256, or RS256 with key files), `exp`, `iss` and
 * `aud` are required, and at most 60 s of clock skew is tolerated.
 */
export class TokenService {
  private readonly algorithm: Algorithm;
  // Key objects made once: given a string, jsonwebtoken tries (and fails) to parse it as a PEM key per call.
  private readonly signingKey: KeyObject;
  private readonly verifyKey: KeyObject;
  /** True when the secret was generated for this process (demo mode without JWT_SECRET). */
  readonly ephemeral: boolean;

  constructor(private readonly env: Env) {
    if (env.JWT_PRIVATE_KEY_FILE && env.JWT_PUBLIC_KEY_FILE) {
      this.algorithm = 'RS256';
      this.signingKey = createPrivateKey(readFileSync(env.JWT_PRIVATE_KEY_FILE));
      this.verifyKey = createPublicKey(readFileSync(env.JWT_PUBLIC_KEY_FILE));
      this.ephemeral = false;
    } else {
      this.algorithm = 'HS256';
      this.signingKey = createSecretKey(Buffer.from(env.JWT_SECRET ?? randomBytes(48).toString('base64url')));
      this.verifyKey = this.signingKey;
      this.ephemeral = !env.JWT_SECRET;
    }
  }

  issue(claims: TokenClaims, ttlSeconds = this.env.JWT_TTL_SECONDS): IssuedToken {
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000);
    const { sub, ...rest } = claims;
    const token = jwt.sign(rest, this.signingKey, {
      algorithm: this.algorithm,
      subject: sub,
      issuer: this.env.JWT_ISSUER,
      audience: this.env.JWT_AUDIENCE,
      expiresIn: ttlSeconds,
    });
    return { token, expiresAt };
  }

  /**
   * Tokens already verified by this process, by their whole text (signature included): every request of a
   * session carries the same token, and its HMAC/RSA check was ≈ 5 % of a small request's CPU. A hit is still
   * refused once expired (same tolerance), by the full check below.
   */
  private readonly verified = new LRUCache<string, { claims: TokenClaims; expiresAt: Date }>({ max: 10_000 });

  /** Verified claims plus expiry, or InvalidTokenError (never a partially trusted payload). */
  verify(token: string): { claims: TokenClaims; expiresAt: Date } {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt.getTime() + CLOCK_TOLERANCE_SECONDS * 1000) return known;
    const result = this.verifyFully(token);
    this.verified.set(token, result);
    return result;
  }

  /**
   * A short-lived ticket for one purpose (e.g. an export download): signed with the same key, but with its own
   * audience, so a ticket is never accepted as a bearer token and a bearer token never as a ticket.
   */
  signTicket(payload: Record<string, unknown>, audience: string, ttlSeconds: number): IssuedToken {
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000);
    const token = jwt.sign(payload, this.signingKey, {
      algorithm: this.algorithm,
      issuer: this.env.JWT_ISSUER,
      audience,
      expiresIn: ttlSeconds,
    });
    return { token, expiresAt };
  }

  /** The ticket's payload, or InvalidTokenError (bad signature, other audience, expired: no clock tolerance). */
  verifyTicket(token: string, audience: string): Record<string, unknown> {
    try {
      const payload = jwt.verify(token, this.verifyKey, {
        algorithms: [this.algorithm],
        issuer: this.env.JWT_ISSUER,
        audience,
      });
      if (typeof payload === 'string') throw new Error('not an object');
      return payload;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  }

  private verifyFully(token: string): { claims: TokenClaims; expiresAt: Date } {
    let payload: jwt.JwtPayload | string;
    try {
      payload = jwt.verify(token, this.verifyKey, {
        algorithms: [this.algorithm],
        issuer: this.env.JWT_ISSUER,
        audience: this.env.JWT_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    if (typeof payload === 'string' || typeof payload.exp !== 'number')
      throw new InvalidTokenError('exp required');
    const { sub, username, mid, tk, tc, role, team } = payload as Record<string, unknown>;
    if (
      typeof sub !== 'string' ||
      typeof username !== 'string' ||
      typeof mid !== 'string' ||
      typeof tk !== 'string' ||
      typeof tc !== 'string' ||
      typeof role !== 'string' ||
      !(team === null || typeof team === 'string')
    ) {
      throw new InvalidTokenError('malformed claims');
    }
    return {
      claims: { sub, username, mid, tk: tk as TenantKind, tc, role: role as Role, team },
      expiresAt: new Date(payload.exp * 1000),
    };
  }
}

export function principalFromClaims(claims: TokenClaims): Principal {
  return {
    kind: 'user',
    subject: claims.username,
    tenantKind: claims.tk,
    tenantCode: claims.tc,
    role: claims.role,
    teamId: claims.team,
    membershipId: claims.mid,
  };
}
