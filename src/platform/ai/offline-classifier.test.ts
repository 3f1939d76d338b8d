import { describe, expect, it } from 'vitest';
import { examplesPerTopic, loadLabelledNotes } from '../../../test/fixtures/notes/labelled-notes.ts';
import { createNoteClassifier } from './offline-classifier.ts';
import { classifyOffline } from './offline-engine.ts';

const { topics, pool, heldout, fresh } = loadLabelledNotes();
const evaluated = [...heldout, ...fresh];

function accuracy(k: number, notes = evaluated): number {
  const classifier = createNoteClassifier(topics, examplesPerTopic(pool, k));
  return notes.filter((n) => classifier.rank(n.text)[0]?.topicId === n.topicId).length / notes.length;
}

describe('offline note classifier on the labelled set', () => {
  it('has a large, bilingual set to measure on', () => {
    expect(pool.length + evaluated.length).toBeGreaterThanOrEqual(200);
    expect(new Set(evaluated.map((n) => n.topicId)).size).toBe(8);
    const ru = evaluated.filter((n) => n.language === 'ru').length;
    expect(ru / evaluated.length).toBeGreaterThan(0.4);
    expect(ru / evaluated.length).toBeLessThan(0.6);
  });

  it('files at least 80% of the evaluated notes correctly with a few filed examples', () => {
    expect(accuracy(2)).toBeGreaterThanOrEqual(0.8);
    expect(accuracy(5)).toBeGreaterThanOrEqual(0.8);
  });

  it('gets better with filed examples', () => {
    expect(accuracy(2)).toBeGreaterThan(accuracy(0));
    // On the notes written after the built-in vocabulary was frozen, the gain is steady.
    expect(accuracy(10, fresh)).toBeGreaterThan(accuracy(0, fresh));
  });

  it('is more often right when it is more confident', () => {
    const classifier = createNoteClassifier(topics, examplesPerTopic(pool, 5));
    const results = evaluated.map((n) => {
      const best = classifier.rank(n.text)[0]!;
      return { correct: best.topicId === n.topicId, confidence: best.confidence };
    });
    const acc = (rs: typeof results) => rs.filter((r) => r.correct).length / rs.length;
    const sure = results.filter((r) => r.confidence >= 0.5);
    const unsure = results.filter((r) => r.confidence < 0.3);
    expect(acc(sure)).toBeGreaterThan(0.85);
    expect(acc(sure)).toBeGreaterThan(acc(unsure));
    for (const r of results) expect(r.confidence).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic and ranks every topic', () => {
    const classifier = createNoteClassifier(topics, []);
    const a = classifier.rank('Забронировать гостиницу в Казани');
    expect(a).toEqual(classifier.rank('Забронировать гостиницу в Казани'));
    expect(a).toHaveLength(8);
    expect(a[0]?.topicId).toBe('travel');
  });
});

describe('classifyOffline', () => {
  it('gives a title, tags from keywords and three alternatives', () => {
    const result = classifyOffline({
      note: { text: 'Sprint planning with the client moved to Monday. Prepare the demo #urgent' },
      topics,
      examples: [],
    });
    expect(result.topicId).toBe('work');
    expect(result.title).toBe('Sprint planning with the client moved to Monday');
    expect(result.tags).toEqual(expect.arrayContaining(['urgent', 'client', 'sprint']));
    expect(result.alternatives.length).toBeGreaterThanOrEqual(2);
    expect(result.alternatives[0]?.topicId).toBe('work');
  });

  it('leaves a note unfiled when it shares nothing with any topic', () => {
    const result = classifyOffline({ note: { text: 'xyzzy plugh' }, topics, examples: [] });
    expect(result).toMatchObject({ topicId: null, confidence: 0, alternatives: [] });
  });

  it('handles a user with no topics yet', () => {
    expect(classifyOffline({ note: { text: 'hello' }, topics: [], examples: [] }).topicId).toBeNull();
  });
});
