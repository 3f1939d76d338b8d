import { safeFetch } from '../../platform/outbound/safe-fetch.ts';

export interface LinkPreview {
  title: string | null;
  description: string | null;
  site: string | null;
}

export interface LinkFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Test-only: `host:port` pairs that may be reached although they are private (a local test HTTP
   * server). Production passes nothing, so every private address is refused.
   */
  allowPrivate?: readonly string[];
}

const isHtml = (type: unknown) => /^(text\/html|application\/xhtml\+xml)/i.test(String(type ?? ''));

/**
 * Fetches a page's title, description and site name through the SSRF-safe fetch (private targets
 * refused at every redirect hop); throws when the page is refused or does not answer 200.
 */
export async function fetchLinkPreview(raw: string, options: LinkFetchOptions = {}): Promise<LinkPreview> {
  const { timeoutMs = 5000, maxBytes = 256 * 1024, maxRedirects = 3, allowPrivate = [] } = options;
  const res = await safeFetch(raw, {
    timeoutMs,
    maxBytes, // enough for the <head>; the rest of a page is never read
    maxRedirects,
    allowPrivate,
    headers: { 'user-agent': 'SecretaryBot/1.0 (link preview)', accept: 'text/html,application/xhtml+xml' },
    readBody: (status, headers) => status === 200 && isHtml(headers['content-type']),
  });
  if (res.status !== 200) throw new Error(`link answered ${res.status}`);
  if (!isHtml(res.headers['content-type'])) return { title: null, description: null, site: res.url.hostname };
  return parseHead(res.body.toString('utf8'), res.url);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};
const decode = (s: string) =>
  s
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300) || null;

function meta(html: string, name: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    const content = /content\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (key === name && content !== undefined) return decode(content);
  }
  return null;
}

export function parseHead(html: string, url: URL): LinkPreview {
  const title = meta(html, 'og:title') ?? decode(/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '');
  return {
    title,
    description: meta(html, 'og:description') ?? meta(html, 'description'),
    site: meta(html, 'og:site_name') ?? url.hostname,
  };
}
