import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../../../../test/support/mini-app-browser.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { startClockedSystem } from '../../reminders/tests/e2e-support.ts';

// Issue 37, item 7: a line read as a schedule ("weekly") and then turned into a note keeps the
// person's exact words and no schedule: the card, the saved message and the stored note.
// Monday 2 March 2037, 10:00 in Berlin.
let t: TestSystem;
beforeAll(async () => {
  ({ t } = await startClockedSystem('2037-03-02T09:00:00Z'));
});
afterAll(() => t?.close());

const WORDS = {
  en: {
    line: 'Idea: weekly newsletter with three links',
    toNote: "🗒 It's a note",
    card: '🗒 Note: Idea: weekly newsletter with three links',
    save: '💾 Save',
    saved: '✅ Note saved: Idea: weekly newsletter with three links',
  },
  ru: {
    line: 'Идея: рассылка каждую неделю с тремя ссылками',
    toNote: '🗒 Это заметка',
    card: '🗒 Заметка: Идея: рассылка каждую неделю с тремя ссылками',
    save: '💾 Сохранить',
    saved: '✅ Заметка сохранена: Идея: рассылка каждую неделю с тремя ссылками',
  },
} as const;

describe.each(['en', 'ru'] as const)('%s: a line turned into a note', (language) => {
  const w = WORDS[language];

  it('keeps every word and no schedule', async () => {
    const { user, chat } = await registeredPerson(t, `Verbatim_${language}`, language, 'Europe/Berlin');
    await user.send(w.line);
    let card = await chat.nextMessage((m) => m.buttons().includes(w.save));
    // The parser reads "weekly" as a schedule; the person says it is a note.
    expect(card.text).toContain('🔁');
    await card.click(w.toNote);
    card = await chat.waitForEdit(card, (m) => m.text.startsWith('🗒'));
    expect(card.text).toBe(w.card);
    await card.click(w.save);
    const saved = await chat.waitForEdit(card, (m) => m.text.startsWith('✅'));
    expect(saved.text).toBe(w.saved);

    const notes = await (await callAs(t, user))<{ items: Array<{ text: string }> }>('GET', '/notes');
    expect(notes.body.items.map((n) => n.text)).toEqual([w.line]);
    const reminders = await (await callAs(t, user))<{ items: unknown[] }>('GET', '/reminders');
    expect(reminders.body.items).toEqual([]);
  });
});
