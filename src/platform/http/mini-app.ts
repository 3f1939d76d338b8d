import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { type Context, Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

/** Shown instead of the Mini App when web/dist has not been built: what to run, not a 404. */
const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Secretary Mini App is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The Mini App is not built yet</h1>
<p>This server serves the Mini App from <code>web/dist</code>, which does not exist. Build it from the
project folder, then reload this page (no restart needed):</p>
<pre>npm install        # builds web/ as part of the install
npm run build:web  # or only the Mini App</pre>
<p>The bot and the API under <code>/api/v1</code> work without it.</p>
</body></html>`;

async function fileIn(root: string, relative: string): Promise<string | null> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) return null; // "..", encoded or not, never leaves dist
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * The built Mini App (web/dist) under /app: hashed assets cached for a year, everything else
 * revalidated, and every other /app/* path answered with index.html (the SPA routes it).
 * Files are read per request, so a rebuild shows up without a restart.
 */
export function createMiniAppRoutes(deps: { distDir: string }): Hono {
  const root = normalize(deps.distDir);
  const app = new Hono();
  const send = async (c: Context, path: string, cache: string) =>
    c.body(new Uint8Array(await readFile(path)), 200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    });
  app.get('/app', (c) => c.redirect('/app/', 301));
  app.get('/app/*', async (c) => {
    const index = await fileIn(root, 'index.html');
    if (!index) return c.html(NOT_BUILT, 503, { 'cache-control': NO_CACHE });
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice('/app/'.length));
    } catch {
      relative = '';
    }
    if (relative.startsWith('assets/')) {
      const asset = await fileIn(root, relative);
      if (asset) return send(c, asset, IMMUTABLE);
      // A stale page asking for an asset of an older build: say so rather than answer HTML.
      return c.text('This asset is gone: reload the Mini App.', 404, { 'cache-control': NO_CACHE });
    }
    const file = relative && relative !== 'index.html' ? await fileIn(root, relative) : null;
    return send(c, file ?? index, NO_CACHE);
  });
  return app;
}
