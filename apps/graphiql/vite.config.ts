import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// Served by the gateway at GET /graphql (for browsers) and its assets under /graphiql/
// (apps/gateway/src/static/portals.ts). Everything — Monaco's workers, styles, fonts — is in dist/: district
// networks often have no internet, so the IDE must not load anything from elsewhere.
// The dev proxy's target comes through Vite's own env loading (GATEWAY_URL or PORT, as in the other apps).
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, '');
  return {
    base: '/graphiql/',
    plugins: [react()],
    build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 4000, assetsInlineLimit: 0 },
    server: {
      port: 5177,
      proxy: {
        '/graphql': { target: env.GATEWAY_URL || `http://localhost:${env.PORT || '4000'}`, ws: true },
      },
    },
  };
});
