import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed document nodes for every operation written with `graphql(...)` under src/operations, generated offline
 * from the committed schema.graphql. The output is committed (builds need no codegen step); a test checks that
 * regenerating changes nothing.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        emitLegacyCommonJSImports: false,
        scalars: { DateTimeISO: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
