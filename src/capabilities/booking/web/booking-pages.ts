import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { localDay } from '../../../platform/time/local-time.ts';
import { formatTime, formatWhen } from '../booking-format.ts';
import { bookingLocations, bookingServices } from '../booking-tables.ts';
import { addLoginPages } from './login-pages.ts';
import { type BookingPagesDeps, createPageKit, idParam } from './page-kit.ts';
import { choices, PAGE_CSS, pageLanguage } from './page-shell.ts';
import { PUSH_JS, SW_JS } from './push-client.ts';
import { addPushPages } from './push-pages.ts';
import type { PushTargetPolicy } from './web-push.ts';

const DAYS_AHEAD = 14;

/**
 * The public booking page for people without Telegram: location → service → specialist (or any) →
 * day → slot, then a one-time code by phone or e-mail, then confirm. Plain HTML forms, no script
 * needed (Web Push is the one opt-in script, from a file).
 */
export function createBookingPages(deps: BookingPagesDeps, push: PushTargetPolicy) {
  const app = new Hono();
  const kit = createPageKit(deps);
  const { tFor, sessionUser, render, failure, sameOrigin } = kit;
  const id = idParam;

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
      html`${rows.length ? html`<ul>${items}</ul>` : html`<p>${t('booking-web-mine-empty')}</p>`}
<form method="post" action="/app/booking/logout?lang=${lang}"><button type="submit">${t('booking-web-sign-out')}</button></form>`,
    );
  });
  addLoginPages(app, deps, kit);
  addPushPages(app, deps, kit, push);
  return app;
}
