// Prices as a person reads and types them: formatted in the business's currency for their language,
// typed with a dot or a comma. No React here, so it is unit-tested on its own.
import type { Language } from '../../api.ts';

const locale = (language: Language) => (language === 'ru' ? 'ru-RU' : 'en-GB');

/** "€25.00" / "25,00 €"; a plain "25.00" while the business has no currency set. */
export function priceLabel(cents: number, currency: string | null, language: Language): string {
  const amount = cents / 100;
  if (!currency)
    return new Intl.NumberFormat(locale(language), {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(amount);
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency }).format(amount);
}

/** "25", "25.5", "1 500,50" → cents; null for anything else (negative, three decimals, words). */
export function centsOf(text: string): number | null {
  const plain = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(plain)) return null;
  return Math.round(Number(plain) * 100);
}

/** Cents as the price field starts: "25.5" → "25.50", 2500 → "25". */
export const priceInput = (cents: number | null) =>
  cents === null ? '' : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
