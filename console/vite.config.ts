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
    // Each view is loaded when opened (views/view-for.tsx); ECharts and Cytoscape, the two large libraries,
    // get their own named chunks, shared by the views that draw with them.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ },
          ],
        },
      },
    },
    reportCompressedSize: false,
  },
});
