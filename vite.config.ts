// Builds the web app (src/web) into dist/web; the Hono server serves it (src/http/web.ts).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Writes NAME.gz beside each text asset so the server can send it precompressed. */
function precompress(): Plugin {
  return {
    name: 'socialbench-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const item of Object.values(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(item.fileName)) continue;
        const source = item.type === 'chunk' ? item.code : item.source;
        writeFileSync(join(dir, `${item.fileName}.gz`), gzipSync(typeof source === 'string' ? Buffer.from(source) : source, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
