// One ESLint preset for every package: type-checked rules, Prettier owns formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @param {string} tsconfigRootDir the package directory (import.meta.dirname of its eslint.config.js) */
export function createConfig(tsconfigRootDir) {
  return tseslint.config(
    // .stryker-tmp and reports: mutation testing's sandbox copies and HTML report (pnpm test:mutation).
    {
      ignores: [
        'dist/**',
        'coverage/**',
        '**/*.cjs',
        '**/*.mjs',
        'eslint.config.js',
        '.data/**',
        '.stryker-tmp/**',
        'reports/**',
      ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
        ],
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': 'error',
        'no-restricted-properties': [
          'error',
          { object: 'process', property: 'env', message: 'Read configuration through env.ts only.' },
        ],
      },
    },
    {
      // Tests, scripts and env.ts are where process.env may be read.
      files: ['**/*.test.ts', '**/test/**', '**/env.ts', '**/scripts/**', '**/bench/**'],
      rules: {
        'no-restricted-properties': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-non-null-assertion': 'off',
      },
    },
    prettier,
  );
}
