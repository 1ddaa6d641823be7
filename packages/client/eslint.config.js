import { createConfig } from '@hanjiang/config/eslint';

// The generated code (graphql-codegen) is checked by tsc, not linted.
export default [{ ignores: ['src/generated/**'] }, ...createConfig(import.meta.dirname)];
