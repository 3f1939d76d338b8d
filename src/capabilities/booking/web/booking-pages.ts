import { getConnInfo } from '@hono/node-server/conninfo';
import { asc, eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/db/schema.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { localDay } from '../../../platform/time/local-time.ts';
import type { User } from '../../../platform/users/user-service.ts';
import type { WebSupport } from '../../capability.ts';
import { formatTime, formatWhen } from '../booking-format.ts';
import type { BookingService } from '../booking-service.ts';
import { bookingClients, bookingLocations, bookingServices } from '../booking-tables.ts';
import type { createLoginCodes } from './login-codes.ts';
import { choices, errorBox, type Html, PAGE_CSS, page, pageLanguage, type T } from './page-shell.ts';
import { PUSH_JS, SW_JS } from './push-client.ts';
import { saveSubscription } from './push-store.ts';

const COOKIE = 'bk_session';
const DAYS_AHEAD = 14;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BookingPagesDeps {
  db: Db;
  bookings: BookingService;
  codes: ReturnType<typeof createLoginCodes>;
  web: WebSupport;
  vapidPublicKey: string;
  now: () => Date;
  t: (language: string, key: string, vars?: Record<string, string | number>) => string;
}

/** The client's IP as the socket saw it (behind a proxy: the proxy's, which still limits per proxy). */
export function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

const id = (v: string | undefined) => (v && UUID.test(v) ? v : undefined);

/**
 * The public booking page for people without Telegram: location → service → specialist (or any) →
 * day → slot, then a one-time code by phone or e-mail, then confirm. Plain HTML forms, no script
 * needed (Web Push is the one opt-in script, from a file).
 */
export function createBookingPages(deps: BookingPagesDeps) {
  const app = new Hono();
  // Wrong codes per address (in this process), on top of the 5 attempts each code allows.
  const wrongByIp = new RateLimiterMemory({ points: 20, duration: 15 * 60 });
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
  const sameOrigin = (c: Context) => {
    const origin = c.req.header('origin');
    return !origin || origin === new URL(c.req.url).origin;
  };

  app.get('/page.css', (c) =>
    c.body(PAGE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }),
  );
  app.get('/push.js', (c) => c.body(PUSH_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/sw.js', (c) =>
    c.body(SW_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'service-worker-allowed': '/app/booking/',
    }),
  );

  app.get('/', async (c) => {
    const lang = pageLanguage(c);
    const t = tFor(lang);
    const q = {
      location: id(c.req.query('location')),
      service: id(c.req.query('service')),
      specialist: c.req.query('specialist'),
      day: c.req.query('day'),
    };
    const link = (extra: Record<string, string>) => `/app/booking?${new URLSearchParams({ lang, ...extra })}`;
    try {
      if (!q.location) {
        const rows = await deps.db.select().from(bookingLocations).orderBy(asc(bookingLocations.name));
        if (rows.length === 0)
          return render(c, lang, t('booking-web-title'), html`<p>${t('booking-none-yet')}</p>`);
        return render(
          c,
          lang,
          t('booking-web-pick-location'),
          choices(
            rows.map((l) => ({
              href: link({ location: l.id }),
              label: l.address ? `${l.name} — ${l.address}` : l.name,
            })),
          ),
        );
      }
      if (!q.service) {
        const rows = await deps.db.select().from(bookingServices).orderBy(asc(bookingServices.name));
        const offered = [];
        for (const s of rows)
          if ((await deps.bookings.specialistsFor(s.id, q.location)).length) offered.push(s);
        if (offered.length === 0)
          return render(c, lang, t('booking-web-title'), html`<p>${t('booking-none-yet')}</p>`);
        return render(
          c,
          lang,
          t('booking-web-pick-service'),
          choices(
            offered.map((s) => ({
              href: link({ location: q.location as string, service: s.id }),
              label: t('booking-service-button', { name: s.name, minutes: s.durationMinutes }),
            })),
          ),
        );
      }
      const base = { location: q.location, service: q.service };
      if (q.specialist === undefined || (q.specialist !== 'any' && !id(q.specialist))) {
        const people = await deps.bookings.specialistsFor(q.service, q.location);
        return render(
          c,
          lang,
          t('booking-web-pick-specialist'),
          choices([
            { href: link({ ...base, specialist: 'any' }), label: t('booking-web-any-specialist') },
            ...people.map((p) => ({ href: link({ ...base, specialist: p.id }), label: p.name })),
          ]),
        );
      }
      const specialistId = q.specialist === 'any' ? undefined : q.specialist;
      const sel = { ...base, specialist: q.specialist };
      const { location } = await deps.bookings.refs(q.service, q.location);
      if (!q.day || !/^\d{4}-\d{2}-\d{2}$/.test(q.day)) {
        const today = localDay(location.timezone, deps.now()).isoDate;
        const last = localDay(
          location.timezone,
          new Date(deps.now().getTime() + DAYS_AHEAD * 86_400_000),
        ).isoDate;
        const { slots } = await deps.bookings.freeSlots({
          serviceId: q.service,
          locationId: q.location,
          specialistId,
          from: today,
          to: last,
        });
        const days = new Map<string, Date>();
        for (const s of slots) {
          const day = localDay(location.timezone, s.start).isoDate;
          if (!days.has(day)) days.set(day, s.start);
        }
        if (days.size === 0)
          return render(c, lang, t('booking-web-pick-day'), html`<p>${t('booking-web-no-days')}</p>`);
        const dayLabel = new Intl.DateTimeFormat(lang, {
          timeZone: location.timezone,
          weekday: 'short',
          day: 'numeric',
          month: 'long',
        });
        return render(
          c,
          lang,
          t('booking-web-pick-day'),
          choices(
            [...days].map(([day, at]) => ({ href: link({ ...sel, day }), label: dayLabel.format(at) })),
          ),
        );
      }
      const { slots } = await deps.bookings.freeSlots({
        serviceId: q.service,
        locationId: q.location,
        specialistId,
        from: q.day,
        to: q.day,
      });
      if (slots.length === 0)
        return render(c, lang, t('booking-web-pick-time'), html`<p>${t('booking-web-no-times')}</p>`);
      return render(
        c,
        lang,
        t('booking-web-pick-time'),
        choices(
          slots.map((s) => ({
            href: `/app/booking/confirm?${new URLSearchParams({ lang, ...base, specialist: s.specialistId, start: s.start.toISOString() })}`,
            label: formatTime(s.start, location.timezone, lang),
          })),
        ),
      );
    } catch (error) {
      return failure(c, lang, error);
    }
  });

  /** The summary; signing in comes first when there is no session. */
  app.get('/confirm', async (c) => {
    const lang = pageLanguage(c);
    const t = tFor(lang);
    const service = id(c.req.query('service'));
    const location = id(c.req.query('location'));
    const specialist = id(c.req.query('specialist'));
    const start = new Date(c.req.query('start') ?? '');
    if (!service || !location || !specialist || Number.isNaN(start.getTime()))
      return failure(c, lang, new DomainError('invalid', 'validation_failed', 'bad selection'));
    const self = `/app/booking/confirm?${new URLSearchParams({ lang, service, location, specialist, start: start.toISOString() })}`;
    if (!(await sessionUser(c)))
      return c.redirect(`/app/booking/login?${new URLSearchParams({ lang, next: self })}`, 303);
    try {
      const refs = await deps.bookings.refs(service, location);
      const who = (await deps.bookings.specialistsFor(service, location)).find((p) => p.id === specialist);
      const summary = t('booking-web-summary', {
        service: refs.service.name,
        specialist: who?.name ?? '—',
        location: refs.location.name,
        when: formatWhen(start, refs.location.timezone, lang),
      });
      return render(
        c,
        lang,
        t('booking-web-confirm-title'),
        html`<p>${summary}</p>
<form method="post" action="/app/booking/book?lang=${lang}"><input type="hidden" name="service" value="${service}"><input type="hidden" name="location" value="${location}"><input type="hidden" name="specialist" value="${specialist}"><input type="hidden" name="start" value="${start.toISOString()}"><button class="primary" type="submit">${t('booking-web-confirm-button')}</button></form>`,
      );
    } catch (error) {
      return failure(c, lang, error);
    }
  });

  app.post('/book', async (c) => {
    const lang = pageLanguage(c);
    const t = tFor(lang);
    if (!sameOrigin(c)) return c.text('Cross-site form refused', 403);
    const user = await sessionUser(c);
    if (!user) return c.redirect(`/app/booking/login?lang=${lang}`, 303);
    const form = await c.req.parseBody();
    const service = id(String(form.service ?? ''));
    const location = id(String(form.location ?? ''));
    const specialist = id(String(form.specialist ?? ''));
    const start = new Date(String(form.start ?? ''));
    try {
      if (!service || !location || !specialist || Number.isNaN(start.getTime()))
        throw new DomainError('invalid', 'validation_failed', 'bad selection');
      const row = await deps.bookings.create(user, {
        serviceId: service,
        locationId: location,
        specialistId: specialist,
        start,
      });
      const refs = await deps.bookings.refs(service, location);
      const when = formatWhen(row.startAt, refs.location.timezone, lang);
      const said =
        row.status === 'pending'
          ? t('booking-web-requested', { service: refs.service.name, when })
          : t('booking-web-booked', { service: refs.service.name, when });
      return render(
        c,
        lang,
        t('booking-web-done-title'),
        html`<p>${said}</p>
<p><button id="enable-push" type="button" data-key="${deps.vapidPublicKey}" data-done="${t('booking-web-push-on')}" data-failed="${t('booking-web-push-failed')}" data-unsupported="${t('booking-web-push-unsupported')}">${t('booking-web-push-enable')}</button></p>
<p id="push-status" role="status" class="note"></p><script src="/app/booking/push.js" defer></script>`,
      );
    } catch (error) {
      return failure(c, lang, error);
    }
  });

  app.get('/mine', async (c) => {
    const lang = pageLanguage(c);
    const t = tFor(lang);
    const user = await sessionUser(c);
    if (!user)
      return c.redirect(
        `/app/booking/login?${new URLSearchParams({ lang, next: `/app/booking/mine?lang=${lang}` })}`,
        303,
      );
    const rows = await deps.bookings.list(user, 'mine');
    const status = (s: string) => t(`booking-web-status-${s.replace('_', '-')}`);
    const items = rows.map(
      (r) => html`<li>${formatWhen(r.booking.startAt, r.timezone, lang)} — ${status(r.booking.status)}</li>`,
    );
    return render(
      c,
      lang,
      t('booking-web-mine'),
      rows.length ? html`<ul>${items}</ul>` : html`<p>${t('booking-web-mine-empty')}</p>`,
    );
  });

  const loginForm = (lang: Language, next: string, identity = '', error?: string) => {
    const t = tFor(lang);
    return html`${error ? errorBox(error) : ''}<form method="post" action="/app/booking/login?lang=${lang}">
<label for="identity">${t('booking-web-identity-label')}</label><input id="identity" name="identity" autocomplete="email tel" inputmode="email" required maxlength="200" value="${identity}">
<input type="hidden" name="next" value="${next}"><p class="note">${t('booking-web-identity-note')}</p><button class="primary" type="submit">${t('booking-web-send-code')}</button></form>`;
  };
  const codeForm = (lang: Language, next: string, identity: string, error?: string) => {
    const t = tFor(lang);
    return html`${error ? errorBox(error) : ''}<p>${t('booking-web-code-sent', { identity })}</p><form method="post" action="/app/booking/login/verify?lang=${lang}">
<label for="code">${t('booking-web-code-label')}</label><input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required>
<input type="hidden" name="identity" value="${identity}"><input type="hidden" name="next" value="${next}"><button class="primary" type="submit">${t('booking-web-verify')}</button></form>`;
  };
  // Only our own pages are followed after sign-in (no open redirect).
  const safeNext = (v: unknown) =>
    typeof v === 'string' && /^\/app\/booking\/[\w?=&%.\-/:]*$/.test(v) && v.length < 600
      ? v
      : '/app/booking/mine';

  app.get('/login', (c) => {
    const lang = pageLanguage(c);
    return render(
      c,
      lang,
      tFor(lang)('booking-web-login-title'),
      loginForm(lang, safeNext(c.req.query('next'))),
    );
  });

  app.post('/login', async (c) => {
    const lang = pageLanguage(c);
    const t = tFor(lang);
    if (!sameOrigin(c)) return c.text('Cross-site form refused', 403);
    const form = await c.req.parseBody();
    const identity = String(form.identity ?? '').slice(0, 200);
    const next = safeNext(form.next);
    try {
      await deps.codes.request(identity, { ip: clientIp(c), language: lang });
      return render(c, lang, t('booking-web-code-title'), codeForm(lang, next, identity.trim()));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = error.kind === 'rate_limited' ? 429 : 400;
      return render(
        c,
        lang,
        t('booking-web-login-title'),
        loginForm(lang, next, identity, t(`booking-web-error-${error.code.replaceAll('_', '-')}`)),
        status,
      );
    }
  });

  app.post('/login/verify', async (c) => {
    const lang = pageLanguage(c);
    const t = tFor(lang);
    if (!sameOrigin(c)) return c.text('Cross-site form refused', 403);
    const form = await c.req.parseBody();
    const identity = String(form.identity ?? '').slice(0, 200);
    const next = safeNext(form.next);
    const ip = clientIp(c) ?? 'unknown';
    const wrong = (key: string, status: 400 | 429) =>
      render(c, lang, t('booking-web-code-title'), codeForm(lang, next, identity, t(key)), status);
    try {
      const res = await wrongByIp.get(ip);
      if (res && res.consumedPoints >= 20) return wrong('booking-web-error-booking-code-rate-limited', 429);
      const user = await deps.codes.verify(identity, String(form.code ?? '').slice(0, 12), lang);
      const { token, expiresAt } = await deps.web.mintToken(user);
      setCookie(c, COOKIE, token, {
        path: '/app/booking',
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        // Max-Age, not Expires: the server's clock may be injected (tests) and differ from the wall clock.
        maxAge: Math.max(1, Math.floor((expiresAt.getTime() - deps.now().getTime()) / 1000)),
      });
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await wrongByIp.penalty(ip, 1).catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      });
      return wrong(`booking-web-error-${error.code.replaceAll('_', '-')}`, 400);
    }
  });

  app.post('/logout', (c) => {
    if (!sameOrigin(c)) return c.text('Cross-site form refused', 403);
    deleteCookie(c, COOKIE, { path: '/app/booking' });
    return c.redirect(`/app/booking?lang=${pageLanguage(c)}`, 303);
  });

  /** The browser's push subscription for the signed-in web client. */
  app.post('/push/subscribe', async (c) => {
    if (!sameOrigin(c)) return c.json({ title: 'Cross-site request refused' }, 403);
    const user = await sessionUser(c);
    if (!user) return c.json({ title: 'Sign in first (POST /app/booking/login)' }, 401);
    const body = (await c.req.json().catch(() => null)) as {
      endpoint?: unknown;
      keys?: { p256dh?: unknown; auth?: unknown };
    } | null;
    const endpoint = typeof body?.endpoint === 'string' ? body.endpoint : '';
    const p256dh = body?.keys?.p256dh;
    const auth = body?.keys?.auth;
    if (
      !pushEndpointAllowed(endpoint, deps.web.development) ||
      typeof p256dh !== 'string' ||
      typeof auth !== 'string' ||
      !/^[\w-]{40,200}$/.test(p256dh) ||
      !/^[\w-]{8,64}$/.test(auth)
    )
      return c.json(
        { title: 'Send the browser’s PushSubscription: {endpoint (https), keys: {p256dh, auth}}' },
        400,
      );
    const [client] = await deps.db.select().from(bookingClients).where(eq(bookingClients.userId, user.id));
    if (!client) return c.json({ title: 'Book first; notifications are about your bookings' }, 409);
    await saveSubscription(deps.db, client.id, { endpoint, keys: { p256dh, auth } });
    return c.json({ subscribed: true }, 201);
  });

  return app;
}

/** Push services are https; plain http (a local test endpoint) only in development (sandbox) mode. */
export function pushEndpointAllowed(endpoint: string, development: boolean): boolean {
  if (endpoint.length > 1000) return false;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' || (development && url.protocol === 'http:');
  } catch {
    return false;
  }
}
