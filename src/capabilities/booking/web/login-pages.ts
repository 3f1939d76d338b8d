import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Language } from '../../../platform/db/schema.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { addressBucket } from './identity-keys.ts';
import { type BookingPagesDeps, COOKIE, type PageKit } from './page-kit.ts';
import { errorBox, pageLanguage } from './page-shell.ts';

/** Sign-in by a one-time code (phone or e-mail) and sign-out (the push subscription: push-pages.ts). */
export function addLoginPages(app: Hono, deps: BookingPagesDeps, kit: PageKit) {
  const { tFor, render, sameOrigin } = kit;
  // Wrong codes per address (in this process), on top of the 5 attempts each code allows.
  const wrongByIp = new RateLimiterMemory({ points: 20, duration: 15 * 60 });

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
      await deps.codes.request(identity, { ip: deps.web.clientIp(c), language: lang });
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
    // Per requester as the code limits count them: an IPv6 /64 is one.
    const ip = addressBucket(deps.web.clientIp(c) ?? 'unknown');
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
        // Secure when people reach us over https (PUBLIC_URL), also behind a TLS-terminating proxy.
        secure: new URL(c.req.url).protocol === 'https:' || deps.publicUrl().startsWith('https:'),
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

  app.post('/logout', async (c) => {
    if (!sameOrigin(c)) return c.text('Cross-site form refused', 403);
    // Signed out on the server too: a copy of the cookie (a shared computer, a backup) stops working.
    const token = getCookie(c, COOKIE);
    if (token) await deps.web.revokeToken(token);
    deleteCookie(c, COOKIE, { path: '/app/booking' });
    return c.redirect(`/app/booking?lang=${pageLanguage(c)}`, 303);
  });
}
