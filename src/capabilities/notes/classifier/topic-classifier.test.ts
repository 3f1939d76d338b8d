import { describe, expect, it } from 'vitest';
import { examplesPerTopic, loadLabelledNotes } from '../../../../test/fixtures/notes/labelled-notes.ts';
import { createOfflineFiling } from './offline-filing.ts';
import { createTopicClassifier } from './topic-classifier.ts';

const { topics, pool, heldout, fresh } = loadLabelledNotes();
const tuning = [...heldout, ...fresh];
const best = (text: string, examples: { text: string; topicId: string }[] = []) =>
  createTopicClassifier(topics, examples).rank(text)[0];

describe('topic classifier', () => {
  it('files everyday notes in ru and en with no examples (name, keywords, built-in vocabulary)', () => {
    expect(best('Забронировать гостиницу в Казани')?.topicId).toBe('travel');
    expect(best('Book a table for the team offsite and send the agenda')?.topicId).toBe('work');
    expect(best('Записаться к окулисту, подобрать новые очки')?.topicId).toBe('health');
    expect(best('Underlined a great passage in the novel, chapter 3')?.topicId).toBe('reading');
  });

  it('reads a typo as the word it nearly is (character trigrams)', () => {
    expect(best('Утренняя тренеровка в спортзале')?.topicId).toBe('health');
    // A short word is never stretched to a known one ("paint" is not "pain").
    expect(best('Zebra crossing paint colours')?.topicId).not.toBe('health');
  });

  it('reads a keyword of stopwords as a phrase, a label put first, and a compound holding a known word', () => {
    const ideas = [
      ...topics.filter((t) => t.id !== 'ideas'),
      { id: 'ideas', name: 'Someday', keywords: ['what if'] },
    ];
    const note = 'What if the landlord had a bot for the utilities';
    expect(
      createTopicClassifier(
        topics.filter((t) => t.id !== 'ideas'),
        [],
      ).rank(note)[0]?.topicId,
    ).toBe('home');
    expect(createTopicClassifier(ideas, []).rank(note)[0]?.topicId).toBe('ideas');
    const ideasScore = (text: string) =>
      createTopicClassifier(topics, [])
        .rank(text)
        .find((r) => r.topicId === 'ideas')?.score ?? 0;
    expect(ideasScore('Идея: бот для оплаты квартплаты')).toBeGreaterThan(
      ideasScore('Бот для оплаты квартплаты, идея'),
    );
    expect(best('Авиабилеты в Калининград')?.topicId).toBe('travel');
  });

  it('has no confidence when nothing in the note is known to any topic', () => {
    const [top] = createTopicClassifier(topics, []).rank('Pavel and the saxophone');
    expect(top?.score).toBe(0);
    expect(top?.confidence).toBe(0);
    expect(createTopicClassifier([], []).rank('anything')).toEqual([]);
  });

  it('learns a topic with no built-in vocabulary from the person’s examples', () => {
    const own = [...topics, { id: 'music', name: 'Music', description: 'My band' }];
    const before = createTopicClassifier(own, []).rank('Saxophone lesson with Pavel on Thursday')[0];
    expect(before?.topicId).not.toBe('music');
    const after = createTopicClassifier(own, [
      { text: 'Pavel: saxophone scales, practise daily', topicId: 'music' },
    ]).rank('Saxophone lesson with Pavel on Thursday')[0];
    expect(after?.topicId).toBe('music');
    expect(after?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('follows one correction for a near-identical note, against the keywords', () => {
    const note = 'Report from the band meeting: new setlist and the drummer';
    expect(best(note)?.topicId).toBe('work');
    const corrected = best('Report from the band meeting: setlist and the drummer again', [
      { text: note, topicId: 'ideas' },
    ]);
    expect(corrected?.topicId).toBe('ideas');
  });

  it('is deterministic and ranks every topic', () => {
    const c = createTopicClassifier(topics, examplesPerTopic(pool, 2));
    expect(c.rank('Оплатить ипотеку до 25 числа')).toEqual(c.rank('Оплатить ипотеку до 25 числа'));
    expect(c.rank('Оплатить ипотеку до 25 числа')).toHaveLength(topics.length);
  });
});

describe('topic classifier on the tuning notes (the set its weights were set on)', () => {
  const run = (k: number) => {
    const c = createTopicClassifier(topics, examplesPerTopic(pool, k));
    return tuning.map((n) => {
      const top = c.rank(n.text)[0];
      return { correct: top?.topicId === n.topicId, confidence: top && top.score > 0 ? top.confidence : 0 };
    });
  };
  const accuracy = (rs: { correct: boolean }[]) => rs.filter((r) => r.correct).length / rs.length;

  it('is right on most notes with no examples, and examples only make it better', () => {
    const [zero, ...curve] = [0, 2, 5, 10].map((k) => accuracy(run(k)));
    expect(zero).toBeGreaterThanOrEqual(0.85);
    for (const withExamples of curve) expect(withExamples).toBeGreaterThan(zero ?? 1);
  });

  it('at the default threshold (50 %) files most notes, and those it files are right', () => {
    const rs = run(5);
    const filed = rs.filter((r) => r.confidence >= 0.5);
    expect(filed.length / rs.length).toBeGreaterThanOrEqual(0.6);
    expect(accuracy(filed)).toBeGreaterThanOrEqual(0.94);
    expect(accuracy(rs.filter((r) => r.confidence < 0.3))).toBeLessThan(accuracy(filed));
  });
});

describe('offline filing', () => {
  it('replaces the topic, confidence and alternatives, keeps the title and tags', () => {
    const filing = createOfflineFiling();
    const base = { topicId: null, confidence: 0, title: 'T', tags: ['x'], alternatives: [] };
    const out = filing.file(base, { text: 'Купить билеты на поезд до Казани', topics, examples: [] });
    expect(out.topicId).toBe('travel');
    expect(out.title).toBe('T');
    expect(out.tags).toEqual(['x']);
    expect(out.alternatives[0]?.topicId).toBe('travel');
    const none = filing.file(base, { text: 'Pavel and the saxophone', topics, examples: [] });
    expect(none.topicId).toBeNull();
    expect(none.alternatives).toEqual([]);
  });
});
