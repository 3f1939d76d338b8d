import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMiniAppRoutes } from './mini-app.ts';

const built = mkdtempSync(join(tmpdir(), 'mini-app-dist-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log("app")');
writeFileSync(join(built, 'favicon.svg'), '<svg/>');
writeFileSync(join(tmpdir(), 'mini-app-secret.txt'), 'outside dist');
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('the Mini App under /app', () => {
  const app = createMiniAppRoutes({ distDir: built });

  it('serves index.html revalidated, and the same page for every client route', async () => {
    for (const path of ['/app/', '/app/tasks', '/app/reminders/deep/link?x=1']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('id="root"');
    }
    const bare = await app.request('/app');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/app/');
  });

  it('caches hashed assets for a year and answers a missing one with 404, not the page', async () => {
    const js = await app.request('/app/assets/index-abc123.js');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toBe('console.log("app")');
    const gone = await app.request('/app/assets/index-old999.js');
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('reload');
    const icon = await app.request('/app/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('never serves a file outside dist', async () => {
    for (const path of ['/app/..%2fmini-app-secret.txt', '/app/assets/..%2f..%2fmini-app-secret.txt']) {
      const res = await app.request(path);
      expect(await res.text(), path).not.toContain('outside dist');
    }
  });

  it('says how to build it when web/dist is missing', async () => {
    const missing = createMiniAppRoutes({ distDir: join(built, 'nowhere') });
    const res = await missing.request('/app/tasks');
    expect(res.status).toBe(503);
    const page = await res.text();
    expect(page).toContain('The Mini App is not built yet');
    expect(page).toContain('npm run build:web');
  });
});
