import type { Principal } from '@hanjiang/authz';
import { ErrorCode, publicError } from '../errors/public-error.js';
import type { ApiKeyResolver } from './api-keys.js';
import { InvalidTokenError, principalFromClaims, type TokenService } from './token-service.js';
import type { TokenStanding } from './token-standing.js';

export interface Authentication {
  principal: Principal | null;
  /** When the credential stops being valid (JWT exp, a key's expires_at); null when it does not expire. */
  expiresAt: Date | null;
}

const ANONYMOUS: Authentication = { principal: null, expiresAt: null };

/**
 * Turns a credential into a principal. Tenant and role come only from a verified token or a stored key — never
 * from other headers or arguments. A credential that is present but wrong is an error (the caller should know its
 * token expired), with one message for every reason so nothing helps guessing.
 */
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyResolver,
    private readonly standing: TokenStanding,
  ) {}

  /**
   * `standing: false` skips the check that a JWT's user and membership still stand, for a caller that makes it
   * itself with its own answer (a socket's connect: 4403 for a lapse, 1013 when it cannot be checked).
   */
  async authenticate(
    authorization: string | undefined,
    apiKey: string | undefined,
    { standing = true }: { standing?: boolean } = {},
  ): Promise<Authentication> {
    if (authorization) {
      const [scheme, credential] = authorization.trim().split(/\s+/, 2);
      if (scheme?.toLowerCase() === 'bearer' && credential) {
        return credential.startsWith('hj_')
          ? this.fromApiKey(credential)
          : this.fromToken(credential, standing);
      }
      if (credential === undefined && scheme?.startsWith('hj_')) return this.fromApiKey(scheme);
      throw unauthenticated();
    }
    if (apiKey) return this.fromApiKey(apiKey.trim());
    return ANONYMOUS;
  }

  private async fromToken(token: string, standing: boolean): Promise<Authentication> {
    let authentication: Authentication & { principal: Principal };
    try {
      const { claims, expiresAt } = this.tokens.verify(token);
      authentication = { principal: principalFromClaims(claims), expiresAt };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated();
      throw error;
    }
    // A valid signature is not enough: the user may have been disabled, or the membership changed, since.
    if (standing && !(await this.standing.inForce(authentication.principal))) throw unauthenticated();
    return authentication;
  }

  private async fromApiKey(key: string): Promise<Authentication> {
    const resolved = await this.apiKeys.resolve(key);
    if (!resolved) throw unauthenticated();
    // An open socket of the key closes when the key expires (ws/socket-session.ts), as it does at a token's exp.
    return resolved;
  }
}

export function unauthenticated() {
  return publicError(
    ErrorCode.UNAUTHENTICATED,
    { zh: '身份凭证无效或已过期,请重新登录', en: 'Invalid or expired credentials; please sign in again' },
    { http: { status: 401 } },
  );
}
