import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const THEME = '#0b6e4f';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The app registers the worker itself through workbox-window (src/app/platform/serviceWorker.ts)
      // so that an update is offered with a prompt and never reloads under a half-filled form.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icons/favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Từng Nhà',
        short_name: 'Từng Nhà',
        description:
          'Đi từng ngõ, gõ từng nhà, hướng dẫn từng người — sổ tay của Tổ công nghệ số cộng đồng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME,
        background_color: '#ffffff',
        categories: ['productivity', 'education', 'government'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first worker controls the open page as soon as it is active, so the app works offline
        // from the first visit on. Later versions still wait for the user's "Cập nhật ngay".
        clientsClaim: true,
        // Big lazily loaded chunks (camera, spreadsheet) are still precached for offline use.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // The device-data room and Dexie load with the first screen as one chunk: split across
        // the lazy screens that share them, they cost ~5 KB more gzip (each chunk compresses alone).
        // Its lazily loaded parts (summaries, search, the row cipher: after the PIN) stay out.
        codeSplitting: {
          groups: [
            {
              name: 'db',
              test: /node_modules[\\/](dexie|react|react-dom|scheduler|zod|workbox-window)[\\/]|src[\\/]app[\\/]db[\\/](?!summaries\.ts|search\.ts|rowCipher\.ts)/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
