import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

// Served by the gateway under /portal/township/ (apps/gateway/src/static/portals.ts); `pnpm dev` proxies the API to it.
// The dev proxy's target comes through Vite's own env loading (GATEWAY_URL in the environment or a .env file);
// without it, the gateway `pnpm dev` starts next to the apps: localhost on PORT (turbo passes PORT to every task).
const gatewayUrl = (env: Record<string, string>) =>
  env.GATEWAY_URL || `http://localhost:${env.PORT || '4000'}`;

// The portal is installable and opens offline (issue 14, the field page): a Workbox service worker precaches the
// whole built shell (every chunk, so a page first opened offline still loads) and answers navigations with
// index.html. The API (/graphql) is outside its scope's precache and always goes to the network: entries wait in
// the page's IndexedDB queue instead.
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script',
  manifest: {
    name: '乡镇征迁工作台 Township portal',
    short_name: '入户采集',
    description: '征迁入户采集,可离线记录走访、丈量与矛盾纠纷 / Field entries, offline',
    lang: 'zh-CN',
    start_url: '/portal/township/#/field',
    scope: '/portal/township/',
    display: 'standalone',
    theme_color: '#b7262f',
    background_color: '#ffffff',
    icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
    navigateFallback: '/portal/township/index.html',
    // antd's chunk is above Workbox's 2 MiB default; without it the shell would not open offline.
    maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // Take charge of the page that installed it, so the first visit online is enough to open offline later.
    clientsClaim: true,
    skipWaiting: true,
  },
});

export default defineConfig(({ mode }) => ({
  base: '/portal/township/',
  plugins: [react(), pwa],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    // A port per app, so `pnpm dev` gives each portal the same address every time (not "the next free one").
    port: 5173,
    proxy: { '/graphql': { target: gatewayUrl(loadEnv(mode, import.meta.dirname, '')), ws: true } },
  },
  // jsdom with antd's forms is slow on a busy 2-core machine: the default 5 s was seen to run out.
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
}));
