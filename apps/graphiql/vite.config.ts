import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway at GET /graphql (for browsers) and its assets under /graphiql/
// (apps/gateway/src/static/portals.ts). Everything — Monaco's workers, styles, fonts — is in dist/: district
// networks often have no internet, so the IDE must not load anything from elsewhere.
export default defineConfig({
  base: '/graphiql/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 4000, assetsInlineLimit: 0 },
  server: {
    port: 5177,
    proxy: { '/graphql': { target: process.env.GATEWAY_URL ?? 'http://localhost:4000', ws: true } },
  },
});
