// The Mini App's t(): a key the table lacks (a page id cast to a key, a code from the server)
// must give words, never throw: a throw during render blanked the whole app on a direct link.
import { describe, expect, it } from 'vitest';
import { type Key, translator } from '../../web/src/i18n.ts';

describe('the Mini App translator', () => {
  it('fills placeholders in either language', () => {
    expect(translator('en')('added', { title: 'Milk' })).toBe('Added: Milk');
    expect(translator('ru')('more')).toBe('Ещё');
  });

  it('answers a key it does not have with the key itself instead of throwing', () => {
    for (const language of ['en', 'ru'] as const) expect(translator(language)('notes' as Key)).toBe('notes');
  });
});
