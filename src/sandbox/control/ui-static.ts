import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';

const UI_DIR = fileURLToPath(new URL('../ui/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const notFound = (detail: string) => ({ type: 'about:blank', title: 'Not Found', status: 404, detail });

/** Serves the sandbox UI files, read from disk at request time (the UI is developed alongside). */
export function createUiRoutes(uiDir = UI_DIR): Hono {
  const app = new Hono();
  const serve = async (relative: string) => {
    const path = normalize(join(uiDir, relative));
    if (!path.startsWith(normalize(uiDir + sep)) && path !== normalize(uiDir)) return undefined;
    try {
      const body = await readFile(path);
      return { body, type: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  };
  const send = async (c: Context, relative: string) => {
    const file = await serve(relative);
    if (!file)
      return c.json(notFound(`no UI file ${relative}`), 404, { 'content-type': 'application/problem+json' });
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.type, 'cache-control': 'no-cache' });
  };
  app.get('/sandbox', (c) => send(c, 'index.html'));
  app.get('/sandbox/', (c) => send(c, 'index.html'));
  app.get('/sandbox/ui/*', (c) => {
    const relative = decodeURIComponent(c.req.path.slice('/sandbox/ui/'.length));
    return send(c, relative || 'index.html');
  });
  return app;
}
