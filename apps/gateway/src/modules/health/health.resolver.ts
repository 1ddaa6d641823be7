import { setTimeout as sleep } from 'node:timers/promises';
import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { Health, Heartbeat } from './health.type.js';

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Whether the gateway and its database are up.' })
  async health(@Ctx() ctx: GatewayContext): Promise<Health> {
    const rows = await ctx.tx.query<{ ok: number }>('SELECT 1 AS ok');
    return {
      status: 'ok',
      version: ctx.services.version,
      database: rows[0]?.ok === 1,
      serverTime: new Date(),
    };
  }

  @Subscription(() => Heartbeat, {
    description: 'A beat every `everyMs` milliseconds (1000–60000), for connection indicators on screens.',
    subscribe: ({ args }) => beats(Math.min(60_000, Math.max(1_000, (args as { everyMs: number }).everyMs))),
  })
  heartbeat(
    @Root() beat: Heartbeat,
    @Arg('everyMs', () => Int, { defaultValue: 5_000, description: 'Interval in milliseconds.' })
    _everyMs: number,
  ): Heartbeat {
    return beat;
  }
}

async function* beats(everyMs: number): AsyncGenerator<Heartbeat> {
  for (let seq = 1; ; seq += 1) {
    yield { seq, at: new Date() };
    await sleep(everyMs);
  }
}
