import { isInputObjectType, isEnumType, isObjectType } from 'graphql';
import { createSchema } from './schema.js';

// Integrators read the schema as documentation: every type and every field carries a description.
describe('schema documentation', () => {
  it('describes every object, input and enum type and every field and argument', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name))
        continue;
      const root = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(
        type as never,
      );
      if (!type.description && !root) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
