import { describe, expect, it } from 'vitest';
import { renderNoteInputSchema } from './ai-schemas.ts';
import { renderNoteOffline } from './offline-templates.ts';

// Issue 37 (polish): a topic post of a one-line note said it twice — as the bold title and again
// as the text under it. The title carries it alone; a longer note keeps its whole text.
const render = (text: string, style: Record<string, unknown> = {}) =>
  renderNoteOffline(renderNoteInputSchema.parse({ note: { text }, style })).text;

describe('a one-sentence note in a topic post', () => {
  it.each([
    ['Buy concert tickets for Friday', '<b>Buy concert tickets for Friday</b>'],
    ['купить билеты на концерт.', '<b>Купить билеты на концерт</b>'],
  ])('"%s" reads once', (text, post) => {
    expect(render(text)).toBe(post);
  });

  it('a longer note keeps all of its text under the title; the minimal style keeps the text', () => {
    expect(render('Call the bank. Ask about fees')).toBe(
      '<b>Call the bank</b>\n\nCall the bank. Ask about fees',
    );
    expect(render('Buy concert tickets', { preset: 'minimal' })).toBe('Buy concert tickets');
  });
});
