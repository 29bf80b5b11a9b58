import { defineConfig } from 'vite';

// The Teams tab: built to tab/dist, served by the bot at /tab/ (bot/http/tabFiles.ts).
// No @vitejs/plugin-react (its Babel peers clash with jest's): Vite 8's own oxc transform
// compiles TSX with React's automatic runtime.
const root = new URL('.', import.meta.url).pathname;
/** The plain-TypeScript domain the tab shares with the bot, imported as `@domain/...` (tsconfig.json `paths` says the same). */
const domain = new URL('../bot/domain', import.meta.url).pathname;

export default defineConfig(({ command }) => ({
  root,
  // The tab is always built for production: jest (NODE_ENV=test) or a developer's NODE_ENV=development
  // would otherwise give React's development build, half as big again and slower.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  base: '/tab/',
  resolve: { alias: { '@domain': domain } },
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', development: command !== 'build' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // Fluent UI marks its modules 'use client' (for React Server Components): meaningless in a
      // client-only bundle, so that one warning is dropped; every other warning is shown.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
}));
