import 'reflect-metadata';
import {
  getNamedType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  isLeafType,
} from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { Household } from '../modules/household/household.types.js';
import { resolvers } from '../schema.js';
import { directFieldResolvers } from './direct-field-resolvers.js';

// type-graphql's own schema (its wrappers in place), then the replacement: what it replaced, and that the direct
// calls answer as the wrappers did — for an instance of the object's class and for a plain parent alike.
describe('directFieldResolvers', () => {
  it('replaces the wrappers of the list page relations and answers as they did', async () => {
    const schema = await buildSchema({
      resolvers: [...resolvers],
      validate: false,
      emitSchemaFile: false,
      pubSub: createPubSub(),
    });
    const household = schema.getType('Household') as GraphQLObjectType;
    const landAreaMu = household.getFields().landAreaMu!;
    const wrapper = landAreaMu.resolve as GraphQLFieldResolver<unknown, unknown>;
    const progress = schema.getQueryType()!.getFields().progress!;
    const progressWrapper = progress.resolve as GraphQLFieldResolver<unknown, unknown>;

    const replaced = directFieldResolvers(schema, resolvers);

    expect(replaced).toEqual(
      expect.arrayContaining([
        'Household.township',
        'Household.headquarters',
        'Household.village',
        'Household.team',
        'Team.homeTownship',
        'Query.leaderboard',
        'Query.campaign',
        'Query.progress',
      ]),
    );
    // Input objects are the wrapper's (it converts and validates them).
    expect(replaced).not.toContain('Query.households');
    // Field resolvers without arguments; root queries with scalar or enum arguments only.
    const fieldOf = (name: string) => {
      const [type = '', field = ''] = name.split('.');
      return (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
    };
    for (const name of replaced) {
      const { args } = fieldOf(name);
      if (name.startsWith('Query.'))
        for (const arg of args) expect(isLeafType(getNamedType(arg.type))).toBe(true);
      else expect(args).toEqual([]);
    }
    // A root query reads its arguments by name, in its parameters' order, as the wrapper did.
    const ctx = {
      principal: { subject: 'baitang.commander' },
      services: { progress: { progress: (_ctx: unknown, kind: string, code: string) => [kind, code] } },
    };
    const args = { scopeKind: 'township', scopeCode: 'baitang' };
    const answer = await (progress.resolve as GraphQLFieldResolver<unknown, unknown>)(
      null,
      args,
      ctx,
      {} as never,
    );
    expect(answer).toEqual(['township', 'baitang']);
    expect(await progressWrapper(null, args, ctx, {} as never)).toEqual(answer);

    const direct = landAreaMu.resolve as GraphQLFieldResolver<unknown, unknown>;
    expect(direct).not.toBe(wrapper);
    const info = {} as GraphQLResolveInfo;
    const instance = Object.assign(new Household(), { landAreaM2: 6_666.7 });
    const plain = { landAreaM2: 1_333.34 };
    expect(direct(instance, {}, {}, info)).toBe(wrapper(instance, {}, {}, info));
    // A plain parent goes through type-graphql's wrapper, which converts it first.
    expect(direct(plain, {}, {}, info)).toBe(wrapper(plain, {}, {}, info));
    expect(direct(instance, {}, {}, info)).toBeCloseTo(10, 1);
  });
});
