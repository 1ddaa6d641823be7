import type { Principal } from '@hanjiang/authz';
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { CredentialStatus } from './credential-status.js';

/** Distinct signed-in principals remembered at once; past it the least recently seen is checked again. */
const MAX_ENTRIES = 50_000;

/**
 * Whether a verified JWT's membership still stands — so a disabled user, or one whose membership was removed or
 * changed, is refused over HTTP at once and not only when the token expires (`exp`, up to JWT_TTL_SECONDS).
 *
 * The answer comes from `app.credentials_in_force` (credential-status.ts) and is remembered per principal for
 * `ttlMs`: a portal user's requests cost one batched query per `ttlMs`, not one per request. The live bus's
 * credential events (database triggers on every lapse) forget a subject's answers on every replica at once, so the
 * TTL only bounds how long a lapse whose event was lost (the bus reconnecting) goes unseen.
 */
export class TokenStanding {
  private readonly answers: LRUCache<string, { standing: true }, Principal>;
  private readonly batch: DataLoader<Principal, boolean>;

  constructor(status: CredentialStatus, ttlMs: number) {
    this.batch = new DataLoader((principals) => status.inForce(principals), {
      cache: false,
      maxBatchSize: 500,
    });
    this.answers = new LRUCache({
      max: MAX_ENTRIES,
      ttl: ttlMs,
      // Only a standing credential is remembered: a refusal is asked again next time, so a user re-enabled (no
      // event announces that) or signing in anew with the same claims is not refused for the rest of the TTL.
      fetchMethod: async (_key, _stale, { context }) =>
        (await this.batch.load(context)) ? { standing: true } : undefined,
    });
  }

  async inForce(principal: Principal): Promise<boolean> {
    const answer = await this.answers.fetch(keyOf(principal), { context: principal });
    return answer?.standing === true;
  }

  /** A credential event for `subject` (or one of its memberships): its next request is checked again. */
  forget(subject: string): void {
    for (const key of this.answers.keys()) {
      if (key.startsWith(`${subject}\u0000`)) this.answers.delete(key);
    }
  }
}

/** Every claim `standsFor` compares: an old token with a former role is a different principal from a new one. */
function keyOf(p: Principal): string {
  return [p.subject, p.membershipId, p.tenantKind, p.tenantCode, p.role, p.teamId].join('\u0000');
}
