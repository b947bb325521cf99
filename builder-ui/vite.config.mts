// Build config for the Trellis web UI: a static bundle the Express API serves at `/`, plus the
// canvas benchmark page (`/bench.html`, driven by bench/builder-canvas.ts) as a second entry.
// `root` is pinned to this folder so the build behaves the same from any working directory.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: uiRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite 8 names this rolldownOptions (rollupOptions is its deprecated alias).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        bench: fileURLToPath(new URL('bench.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
