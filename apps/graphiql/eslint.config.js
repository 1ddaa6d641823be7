import { createConfig } from '@hanjiang/config/eslint';
import globals from 'globals';

export default [
  ...createConfig(import.meta.dirname),
  { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // The dev server's proxy target is build configuration, not app code.
  { files: ['vite.config.ts'], rules: { 'no-restricted-properties': 'off' } },
];
