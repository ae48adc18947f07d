import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

/** The renderer: renderer/ → dist/, loaded from app://lab/ in Electron and from 127.0.0.1 in browser mode. */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // Everything is loaded from 'self'; keep fonts and icons as files, never inlined scripts.
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
});
