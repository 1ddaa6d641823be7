import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// Served by the gateway under /district/ (apps/gateway/src/static/portals.ts); `pnpm dev` proxies the API to it.
// The dev proxy's target comes through Vite's own env loading (GATEWAY_URL in the environment or a .env file);
// without it, the gateway `pnpm dev` starts next to the apps: localhost on PORT (turbo passes PORT to every task).
const gatewayUrl = (env: Record<string, string>) =>
  env.GATEWAY_URL || `http://localhost:${env.PORT || '4000'}`;

export default defineConfig(({ mode }) => ({
  base: '/district/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    // A port per app, so `pnpm dev` gives each portal the same address every time (not "the next free one").
    port: 5176,
    proxy: { '/graphql': { target: gatewayUrl(loadEnv(mode, import.meta.dirname, '')), ws: true } },
  },
  // jsdom with antd's forms is slow on a busy 2-core machine: the default 5 s was seen to run out.
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
}));
