import type { MiddlewareHandler } from 'hono';

/**
 * Security headers for what a browser renders under /app: the Mini App (a React bundle served from
 * web/dist) and the capabilities' server-side pages (`/app/<capability>/…`, e.g. web booking).
 * Both are our own files only, so scripts and styles come from 'self'; what differs is who may
 * frame them: the Mini App runs inside Telegram Web (an iframe on web.telegram.org) and the
 * sandbox's chat (this origin), a sign-in form runs in no frame at all (clickjacking).
 */
export interface PageHeaderOptions {
  /** Path prefixes of capability pages under /app (`/app/booking`); the rest of /app is the Mini App. */
  serverPages: readonly string[];
  /** Origins besides Telegram Web and this one that may frame the Mini App (a standalone local Telegram). */
  frameAncestors?: readonly string[] | undefined;
  /**
   * The Mini App offers Telegram's Login Widget (an https PUBLIC_URL): its script from telegram.org,
   * which compiles the `data-onauth` callback with eval, and its frame on oauth.telegram.org.
   */
  loginWidget: boolean;
}

/** Telegram's web clients (web.telegram.org/k, /a, and its subdomains). */
export const TELEGRAM_WEB_ORIGINS = ['https://web.telegram.org', 'https://*.web.telegram.org'] as const;

export function miniAppPolicy(options: Omit<PageHeaderOptions, 'serverPages'>): string {
  const widget = options.loginWidget;
  return [
    "default-src 'self'",
    `script-src 'self'${widget ? " https://telegram.org 'unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    `frame-src ${widget ? 'https://oauth.telegram.org' : "'none'"}`,
    `frame-ancestors 'self' ${[...TELEGRAM_WEB_ORIGINS, ...(options.frameAncestors ?? [])].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Server-rendered pages: no inline code at all (page-shell.ts serves its CSS and JS as files). */
export const SERVER_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The middleware for `/app` and `/app/*`; a header a route set itself is kept. */
export function pageSecurityHeaders(options: PageHeaderOptions): MiddlewareHandler {
  const miniApp = miniAppPolicy(options);
  const isServerPage = (path: string) =>
    options.serverPages.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return async (c, next) => {
    await next();
    const path = c.req.path;
    if (path !== '/app' && !path.startsWith('/app/')) return;
    const server = isServerPage(path);
    const headers: Record<string, string> = {
      'content-security-policy': server ? SERVER_PAGE_POLICY : miniApp,
      'x-content-type-options': 'nosniff',
      // The Mini App's address carries nothing secret (initData is in the fragment, never sent);
      // a booking page's may (a sign-in or cancel link), so it is sent to no one.
      'referrer-policy': server ? 'no-referrer' : 'strict-origin-when-cross-origin',
      ...(server ? { 'x-frame-options': 'DENY' } : {}),
    };
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
