import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Language } from '../../../platform/db/schema.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
export type T = (key: string, vars?: Record<string, string | number>) => string;

/** ?lang= wins, then the browser's Accept-Language; Russian or English. */
export function pageLanguage(c: Context): Language {
  const asked = c.req.query('lang');
  if (asked === 'ru' || asked === 'en') return asked;
  const accept = (c.req.header('accept-language') ?? '').toLowerCase();
  const ru = accept.indexOf('ru');
  const en = accept.indexOf('en');
  return ru !== -1 && (en === -1 || ru < en) ? 'ru' : 'en';
}

// One small stylesheet, served as a file (no inline style or script: works under a strict CSP).
export const PAGE_CSS = `*{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:34rem;padding:1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem}a,button{color:#0a58ca}ul.choices{list-style:none;padding:0}ul.choices li{margin:.4rem 0}
ul.choices a,button,input{display:block;width:100%;padding:.75rem;border:1px solid #888;border-radius:.5rem;font:inherit;text-align:left;background:#fff}
button.primary{background:#0a58ca;color:#fff;text-align:center}label{display:block;margin:.5rem 0 .25rem;font-weight:600}
.error{border-left:4px solid #b00020;padding:.5rem;background:#fdecee}.note{color:#555}nav{margin:1rem 0;font-size:.9rem}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}ul.choices a,button,input{background:#1d1d1d;color:#eee}}`;

/** The page frame: language switch, one heading, the body. */
export function page(language: Language, t: T, title: string, body: Html, switchHref: string): Html {
  return html`<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/app/booking/page.css"></head>
<body><header><nav><a href="${switchHref}" hreflang="${language === 'ru' ? 'en' : 'ru'}">${t('booking-web-other-language')}</a>
· <a href="/app/booking?lang=${language}">${t('booking-web-start-over')}</a>
· <a href="/app/booking/mine?lang=${language}">${t('booking-web-mine')}</a></nav></header>
<main><h1>${title}</h1>${body}</main></body></html>`;
}

/** A link list of choices (each a step forward). */
export function choices(items: Array<{ href: string; label: string }>): Html {
  return html`<ul class="choices">${items.map((i) => html`<li><a href="${i.href}">${i.label}</a></li>`)}</ul>`;
}

export function errorBox(message: string): Html {
  return html`<p class="error" role="alert">${message}</p>`;
}
