import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// Served by the gateway under /portal/hq/ (apps/gateway/src/static/portals.ts); `pnpm dev` proxies the API to it.
// The dev proxy's target comes through Vite's own env loading (GATEWAY_URL in the environment or a .env file).
export default defineConfig(({ mode }) => ({
  base: '/portal/hq/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/graphql': {
        target: loadEnv(mode, import.meta.dirname, '').GATEWAY_URL || 'http://localhost:4000',
        ws: true,
      },
    },
  },
  // jsdom with antd's forms is slow on a busy 2-core machine: the default 5 s was seen to run out.
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
}));
