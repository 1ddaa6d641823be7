import { ErrorCode } from '@hanjiang/domain';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import { SocketSession } from './socket.types.js';

@Resolver()
export class SocketResolver {
  @Mutation(() => SocketSession, {
    description:
      'WebSocket only: hands the socket a renewed token (from `login`/`switchTenant` of the SAME user, tenant ' +
      'and role) before the current one expires, so its subscriptions continue instead of closing with 4403. ' +
      'Send it over the same socket as the subscriptions. A token of anyone else is refused with FORBIDDEN.',
  })
  renewSocketToken(
    @Ctx() ctx: GatewayContext,
    @Arg('token', () => String, { description: 'The new JWT (without "Bearer ").' }) token: string,
  ): Promise<SocketSession> {
    if (!ctx.socket) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: 'renewSocketToken 只能通过 WebSocket 连接调用',
        en: 'renewSocketToken is only meaningful over a WebSocket (graphql-ws) connection',
      });
    }
    return ctx.socket.renew(token);
  }
}
