import type { Principal } from '@hanjiang/authz';
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
