import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the gateway under /screen/ (apps/gateway/src/static/portals.ts); `pnpm dev` proxies the API to it.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/screen/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/graphql': { target: gateway, ws: true } } },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
