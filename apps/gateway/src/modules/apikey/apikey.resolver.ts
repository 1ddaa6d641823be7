import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { CreateApiKeyInput } from './apikey.inputs.js';
import { ApiKey, CreatedApiKey, RegisteredOperation } from './apikey.types.js';

@Resolver()
export class ApiKeyResolver {
  @Mutation(() => CreatedApiKey, {
    description:
      'Create an integrator key for one tenant: a district admin for any tenant, a commander for their own. The ' +
      'secret is in this answer only (stored hashed). Read-only unless WRITE is granted.',
  })
  createApiKey(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => CreateApiKeyInput, { description: 'Name, tenant, scopes, expiry, limits.' })
    input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    return ctx.services.integratorKeys.create(ctx, input);
  }

  @Mutation(() => ApiKey, {
    description:
      'Revoke a key: refused at once over HTTP, and its open sockets close (4403) on every replica.',
  })
  revokeApiKey(
    @Ctx() ctx: GatewayContext,
    @Arg('id', () => ID, { description: 'The key.' }) id: string,
  ): Promise<ApiKey> {
    return ctx.services.integratorKeys.revoke(ctx, id);
  }

  @Query(() => [ApiKey], {
    description:
      'Keys the caller manages (all for the district admin, a commander’s own tenant’s), newest first.',
  })
  apiKeys(
    @Ctx() ctx: GatewayContext,
    @Arg('tenant', () => String, { nullable: true, description: 'Only this tenant’s keys.' })
    tenant: string | null,
  ): Promise<ApiKey[]> {
    return ctx.services.integratorKeys.list(ctx, tenant ?? null);
  }

  @Mutation(() => RegisteredOperation, {
    description:
      'Register an operation an allow-list key may run (by the SHA-256 of its exact text). Same authority as ' +
      'createApiKey. Unregistered or modified operations of such a key get PERSISTED_QUERY_NOT_ALLOWED.',
  })
  registerOperation(
    @Ctx() ctx: GatewayContext,
    @Arg('keyId', () => ID, { description: 'The allow-list key.' }) keyId: string,
    @Arg('query', () => String, { description: 'The operation’s exact text.' }) query: string,
  ): Promise<RegisteredOperation> {
    return ctx.services.integratorKeys.registerOperation(ctx, keyId, query);
  }
}
