import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { Db } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/db/schema.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { User } from '../../../platform/users/user-service.ts';
import type { WebSupport } from '../../capability.ts';
import type { BookingService } from '../booking-service.ts';
import type { createLoginCodes } from './login-codes.ts';
import { errorBox, type Html, page, type T } from './page-shell.ts';

/** The session cookie: the platform bearer token, HttpOnly, SameSite=Strict, scoped to /app/booking. */
export const COOKIE = 'bk_session';

export interface BookingPagesDeps {
  db: Db;
  bookings: BookingService;
  codes: ReturnType<typeof createLoginCodes>;
  web: WebSupport;
  vapidPublicKey: string;
  /** The address people reach us at (PUBLIC_URL): https there makes the cookie Secure. */
  publicUrl: () => string;
  now: () => Date;
  t: (language: string, key: string, vars?: Record<string, string | number>) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A well-formed id from a query or form, else undefined (the page then asks again). */
export const idParam = (v: string | undefined) => (v && UUID.test(v) ? v : undefined);

/** What every booking page shares: language, the signed-in web client, rendering, error pages, same-origin forms. */
export function createPageKit(deps: BookingPagesDeps) {
  const tFor =
    (lang: Language): T =>
    (key, vars) =>
      deps.t(lang, key, vars);

  const sessionUser = async (c: Context): Promise<User | null> => {
    const token = getCookie(c, COOKIE);
    return token ? deps.web.userOfToken(token) : null;
  };
  const render = (
    c: Context,
    lang: Language,
    title: string,
    body: Html,
    status: 200 | 400 | 404 | 409 | 429 = 200,
  ) => {
    const url = new URL(c.req.url);
    url.searchParams.set('lang', lang === 'ru' ? 'en' : 'ru');
    return c.html(page(lang, tFor(lang), title, body, `${url.pathname}${url.search}`), status);
  };
  const failure = (c: Context, lang: Language, error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    const t = tFor(lang);
    const status =
      error.kind === 'rate_limited'
        ? 429
        : error.kind === 'conflict'
          ? 409
          : error.kind === 'not_found'
            ? 404
            : 400;
    const known = `booking-web-error-${error.code.replaceAll('_', '-')}`;
    const text = deps.t(lang, known);
    const message = text === known ? t('booking-web-error-generic') : text;
    return render(
      c,
      lang,
      t('booking-web-error-title'),
      html`${errorBox(message)}<p><a href="/app/booking?lang=${lang}">${t('booking-web-start-over')}</a></p>`,
      status,
    );
  };
  // Forms post from our own pages only: a cross-site form is refused (the cookie is SameSite=Strict as well).
  // "Our" origin is what the browser sees: PUBLIC_URL's behind a TLS proxy (the request reaches us as
  // plain http on an internal address), or the request's own (no PUBLIC_URL, a LAN address).
  const sameOrigin = (c: Context) => {
    const origin = c.req.header('origin');
    return !origin || ownOrigins(deps.publicUrl(), c.req.url).includes(origin);
  };
  return { tFor, sessionUser, render, failure, sameOrigin };
}

export type PageKit = ReturnType<typeof createPageKit>;

/** The origins browsers may use for our pages: PUBLIC_URL's (when set and valid) and the request URL's. */
export function ownOrigins(publicUrl: string, requestUrl: string): string[] {
  const origins = [new URL(requestUrl).origin];
  try {
    if (publicUrl) origins.push(new URL(publicUrl).origin);
  } catch {
    // Config refuses a malformed PUBLIC_URL; the request's origin still stands.
  }
  return origins;
}
