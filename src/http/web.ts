// Serves the web app built by `npm run build:web` (dist/web): hashed assets with a long cache,
// precompressed when the browser accepts gzip, and index.html for every other non-/api GET (the app
// routes in the browser). Without a build, a small page that points to the API.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

const DIST = resolve(import.meta.dirname, '../../dist/web');

export function webPlaceholder(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>socialbench</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>socialbench</h1><p>The service is running, but the web app has not been built: run <code>npm run build:web</code>
(<code>npm install</code> does it). Meanwhile the <a href="/api/docs">API reference</a> and the
<a href="/api/openapi.json">OpenAPI document</a> describe what it can do.</p>
<p><small>Figures of demo organisations are synthetic, except BSN's reported 2019 follower counts.</small></p></body></html>`;
}

/** The GET handler for everything outside /api. */
export function serveWeb(dist: string = DIST): MiddlewareHandler {
  const indexFile = join(dist, 'index.html');
  // Read on each page request (a small file): a rebuild takes effect without a restart.
  const readIndex = () => (existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null);
  const assets = serveStatic({
    root: dist,
    precompressed: true,
    onFound: (path, c) => {
      c.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = (c: Context) => {
    const html = readIndex();
    c.header('Cache-Control', 'no-cache');
    return html === null ? c.html(webPlaceholder()) : c.html(html);
  };
  return async (c, next) => {
    const path = c.req.path;
    if (path === '/' || path === '/index.html') return page(c);
    const res = await assets(c, async () => {});
    if (res) return res;
    if (c.finalized) return c.res;
    // A missing asset is a 404; any other address is a page of the app.
    if (path.startsWith('/assets/') || /\.[a-z0-9]{1,5}$/i.test(path)) return c.text('not found', 404);
    void next;
    return page(c);
  };
}
