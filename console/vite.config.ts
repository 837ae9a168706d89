import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the API server at /console (src/graphql/console-route.ts), so assets are built
// under that base. JSX is compiled for Preact by Vite's own transformer (no Babel preset needed).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `npm run console:dev`: the sources with hot reload, the API of a running `npm start`.
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts and Cytoscape are large libraries; they are split into their own chunks so the login and shell
    // paint before the charts arrive, and the bundle warning limit reflects that.
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
});
