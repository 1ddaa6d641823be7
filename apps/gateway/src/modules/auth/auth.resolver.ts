import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { AuthPayload, Me } from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Sign in with username and password; returns a short-lived JWT.',
  })
  login(
    @Ctx() ctx: GatewayContext,
    @Arg('username', () => String, { description: 'e.g. `baitang.commander`.' }) username: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
  ): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx, username, password);
  }

  @Mutation(() => AuthPayload, {
    description: 'Act in another of your memberships; returns a new token for it.',
  })
  switchTenant(
    @Ctx() ctx: GatewayContext,
    @Arg('membershipId', () => ID, { description: 'One of `me.memberships[].id`.' }) membershipId: string,
  ): Promise<AuthPayload> {
    return ctx.services.auth.switchTenant(ctx, membershipId);
  }

  @Query(() => Me, { description: 'The caller: tenant, role, team and memberships.' })
  me(@Ctx() ctx: GatewayContext): Promise<Me> {
    return ctx.services.auth.me(ctx);
  }
}
