import type { BotContext } from '../../../bot/bot-context.ts';
import { currencyOf } from '../booking-admin.ts';
import { phoneOf } from '../booking-people.ts';

// What an admin types into the setup screens, read as forgivingly as the rest of the bot:
// "1h 30", "90 min", "1,5 ч" for minutes; "25,50" or "1 500" for a price; "€" or "евро" for a currency.

/** Minutes from "90", "90 min", "1h", "1.5 h", "1:30", "2 ч", "1 час 30 минут"; null otherwise. */
export function minutesTyped(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(',', '.');
  if (/^\d{1,6}$/.test(s)) return Number(s);
  const colon = /^(\d{1,3}):([0-5]\d)$/.exec(s);
  if (colon) return Number(colon[1]) * 60 + Number(colon[2]);
  const m =
    /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|ч|час|часа|часов)\.?)?\s*(?:(\d+)\s*(?:m|min|mins|minutes?|мин|минут[аы]?)?\.?)?$/.exec(
      s,
    );
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const total = Math.round(Number(m[1] ?? 0) * 60) + Number(m[2] ?? 0);
  return Number.isSafeInteger(total) ? total : null;
}

/** Cents from "25", "25.50", "25,5", "1 500", "€25", "25 руб"; null for nonsense. */
export function priceTyped(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^[€$£₽¥₴₸]|[€$£₽¥₴₸]$|\s*(руб\.?|р\.|eur|usd|rub|gbp)$/g, '')
    .replace(/[\s\u00a0]/g, '');
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const CURRENCY_WORDS: Record<string, string> = {
  '€': 'EUR',
  евро: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  доллар: 'USD',
  доллары: 'USD',
  долларов: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  '£': 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  фунт: 'GBP',
  '₽': 'RUB',
  руб: 'RUB',
  рубль: 'RUB',
  рубли: 'RUB',
  рублей: 'RUB',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  '₴': 'UAH',
  гривна: 'UAH',
  '₸': 'KZT',
  тенге: 'KZT',
};

/** A currency as typed: an ISO 4217 code in any case, a symbol or a common name. */
export function currencyTyped(raw: string): string | null {
  const s = raw.trim().toLowerCase().replace(/\.$/, '');
  return currencyOf(s) ?? CURRENCY_WORDS[s] ?? null;
}

/** The Telegram id of a forwarded message's author, or a number typed; 'hidden' when their privacy hides it. */
export function telegramIdTyped(ctx: BotContext): number | 'hidden' | null {
  const origin = ctx.message?.forward_origin;
  if (origin?.type === 'user') return origin.sender_user.id;
  if (origin?.type === 'hidden_user') return 'hidden';
  const text = (ctx.message?.text ?? '').trim().replace(/^id\s*/i, '');
  const id = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A walk-in typed as "Anna Petrova, +44 20 7946 0958" (either order); null without both. */
export function walkInTyped(raw: string): { name: string; phone: string } | null {
  const m = /(\+?\d[\d\s()-]{5,20}\d)/.exec(raw);
  if (!m?.[1]) return null;
  const phone = phoneOf(m[1]);
  const name = raw.replace(m[1], ' ').replace(/[,;:]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return phone && name.length > 0 && /\p{L}/u.test(name) ? { name, phone: m[1].trim() } : null;
}
