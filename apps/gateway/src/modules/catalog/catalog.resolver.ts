import { Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { Headquarters, Township } from './township.type.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [Township], { description: 'The ten townships, public to every caller.' })
  townships(@Ctx() ctx: GatewayContext): Promise<Township[]> {
    return ctx.tx.query<Township>(
      `SELECT id, code, name_zh AS "nameZh", terrain, pair_code AS "pairCode" FROM township ORDER BY terrain, code`,
    );
  }

  @Query(() => [Headquarters], { description: 'The seven headquarters, public to every caller.' })
  headquarters(@Ctx() ctx: GatewayContext): Promise<Headquarters[]> {
    return ctx.tx.query<Headquarters>(`SELECT id, code, name_zh AS "nameZh", kind FROM headquarters ORDER BY code`);
  }
}
