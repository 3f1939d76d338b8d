import { describe, expect, it } from 'vitest';
import { chatInputSchema, insightStatsSchema, renderNoteInputSchema } from './ai-schemas.ts';
import { chatOffline, renderNoteOffline, writeInsightOffline } from './offline-templates.ts';

describe('renderNoteOffline', () => {
  it('renders title, cleaned text, tags and source as Telegram HTML, escaping the text', () => {
    const input = renderNoteInputSchema.parse({
      note: {
        text: 'Compare  <b>bank</b> offers & rates.\n\n\n\nAsk about fees #money',
        language: 'en',
        source: { kind: 'forward', from: 'Alice' },
      },
    });
    const out = renderNoteOffline(input);
    expect(out.title).toBe('Compare <b>bank</b> offers & rates');
    expect(out.tags).toEqual(['money']);
    expect(out.text).toBe(
      '<b>Compare &lt;b&gt;bank&lt;/b&gt; offers &amp; rates</b>\n\n' +
        'Compare &lt;b&gt;bank&lt;/b&gt; offers &amp; rates.\n\nAsk about fees\n\n#money\n<i>forwarded · Alice</i>',
    );
  });

  it("follows the user's template", () => {
    const input = renderNoteInputSchema.parse({
      note: { text: 'купить хлеб' },
      tags: ['дом'],
      topicName: 'Дом',
      style: { template: '[{topic}] {title} — {tags}' },
    });
    expect(renderNoteOffline(input).text).toBe('[Дом] Купить хлеб — #дом');
  });
});

describe('writeInsightOffline', () => {
  const stats = {
    tasksCreated: 12,
    tasksCompleted: 9,
    completionRate: 0.75,
    onTimeRate: 0.8,
    overdueCount: 2,
    streakDays: 5,
    previousCompletionRate: 0.6,
    mostProductiveWeekday: 2,
    mostProductiveHour: 10,
    study: [{ course: 'SQL', percent: 40 }],
  };
  it('writes Russian with correct plurals', () => {
    const text = writeInsightOffline(insightStatsSchema.parse({ ...stats, language: 'ru' })).text;
    expect(text).toContain('За 7 дней вы выполнили 9 задач из 12 — 75%.');
    expect(text).toContain('на 15 п.п. лучше');
    expect(text).toContain('Сейчас 2 задачи просрочены');
    expect(text).toContain('Серия: 5 дней подряд');
    expect(text).toContain('вторник, около 10:00');
    expect(text).toContain('Курс «SQL»: 40%.');
  });
  it('writes English', () => {
    const text = writeInsightOffline(
      insightStatsSchema.parse({ ...stats, language: 'en', tasksCompleted: 1, overdueCount: 1 }),
    ).text;
    expect(text).toContain('you completed 1 task of 12');
    expect(text).toContain('1 task is overdue');
    expect(text).toContain('Tuesday, around 10:00');
  });
});

describe('chatOffline', () => {
  it('says honestly that conversation needs a model, in the user language', () => {
    const ru = chatOffline(
      chatInputSchema.parse({ history: [{ role: 'user', content: 'привет' }], profile: { language: 'ru' } }),
    );
    expect(ru.reply).toMatch(/нужна подключённая языковая модель/);
    const en = chatOffline(
      chatInputSchema.parse({
        history: [{ role: 'user', content: 'hi' }],
        profile: { language: 'en', name: 'Ann' },
      }),
    );
    expect(en.reply).toMatch(/^Sorry, Ann, free conversation needs a language model/);
  });
});
