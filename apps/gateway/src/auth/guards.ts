import { type Action, can, type Principal, type ResourceArgs } from '@hanjiang/authz';
import type { GatewayContext } from '../context.js';
import { ErrorCode, publicError } from '../errors/public-error.js';

/** Queries of tenant data need a principal; without one RLS would answer "nothing", which hides the cause. */
export function requirePrincipal(ctx: GatewayContext): Principal {
  if (!ctx.principal) {
    throw publicError(ErrorCode.UNAUTHENTICATED, {
      zh: '请先登录(在请求头中提供 Bearer 令牌或 x-api-key)',
      en: 'Sign in first: send a Bearer token or an x-api-key header',
    });
  }
  return ctx.principal;
}

/**
 * The gateway's one way to apply a rule of `packages/authz`: decide with `can`, and refuse with the decision's own
 * code and words (UNAUTHENTICATED or FORBIDDEN, in both languages).
 */
export function assertCan<A extends Action>(
  principal: Principal | null,
  action: A,
  ...resource: ResourceArgs<A>
): void {
  const decision = can(principal, action, ...resource);
  if (!decision.allowed) throw publicError(decision.code, { zh: decision.reasonZh, en: decision.reasonEn });
}
