import { createConfig } from '@hanjiang/config/eslint';
import globals from 'globals';

export default [
  ...createConfig(import.meta.dirname),
  { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
];
