import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHomePage } from '../../src/platform/http/home-page.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// Issue 37, item 17: `/`, the address the start-up log prints, is a small page in the browser's
// language linking the sandbox, the Mini App and the docs — not a JSON 404. Each link answers.
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t?.close());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);

describe.each([
  {
    accept: 'ru-RU,ru;q=0.9,en;q=0.8',
    lang: 'ru',
    words: ['Песочница', 'Мини-приложение', 'Справка по API', '/web'],
  },
  { accept: 'en-GB,en;q=0.9', lang: 'en', words: ['Sandbox', 'Mini App', 'API reference', '/web'] },
])('GET / in $lang', ({ accept, lang, words }) => {
  it('is a page linking the sandbox, the Mini App and the docs, each of which answers', async () => {
    const res = await fetch(`${t.url}/`, { headers: { 'accept-language': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}">`);
    for (const word of words) expect(html).toContain(word);
    const links = hrefs(html);
    expect(links).toEqual(['/sandbox', '/app/', '/docs', '/healthz']);
    for (const link of links) expect((await fetch(`${t.url}${link}`)).status, link).toBe(200);
  });
});

it('without the sandbox (polling or webhook mode) it does not link one', async () => {
  const res = await createHomePage({ sandbox: false }).request('/', {
    headers: { 'accept-language': 'de, en' },
  });
  const html = await res.text();
  expect(html).toContain('<html lang="en">');
  expect(hrefs(html)).toEqual(['/app/', '/docs', '/healthz']);
});
