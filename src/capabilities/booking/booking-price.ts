import type { Language } from '../../platform/db/schema.ts';

// Prices are kept in cents; a person reads them in their language's number format and the
// business's currency ("€25.00", "25,00 €"), or as a plain number until a currency is set.

const formats = new Map<string, Intl.NumberFormat>();

export function formatPrice(cents: number, currency: string | null, language: Language): string {
  const key = `${language}|${currency ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
      ...(currency ? { style: 'currency', currency } : { minimumFractionDigits: 0 }),
      maximumFractionDigits: 2,
    });
    formats.set(key, f);
  }
  return f.format(cents / 100);
}
