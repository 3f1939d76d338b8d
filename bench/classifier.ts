// Offline note classifier (src/capabilities/notes/classifier): top-1 accuracy versus the number of
// the person's filed examples per topic (the learning curve), and what the file/pending threshold
// means: per threshold, how many notes are filed and how many of those are right.
//
// Run: node scripts/with-node.mjs node bench/classifier.ts [--set fresh-2|fresh|tuning] [--errors]
// With no --set it prints fresh-2, then fresh, then tuning.
//   fresh-2 bench/data/fresh-notes-2.json: written after the code froze at c308d73.
//   fresh   bench/data/fresh-notes.json: written after 964404c; its figures were seen before the
//           second round, so it no longer counts as unseen (reported, never tuned on).
//   tuning  the fixture notes the weights were set on (test/fixtures/notes: held-out + old fresh).
// The examples always come from the fixture pool (the person's notes).
import { readFileSync } from 'node:fs';
import { createTopicClassifier } from '../src/capabilities/notes/classifier/topic-classifier.ts';
import type { FiledExample, Topic } from '../src/platform/ai/ai-schemas.ts';
import {
  examplesPerTopic,
  type LabelledNote,
  loadLabelledNotes,
} from '../test/fixtures/notes/labelled-notes.ts';

const DEFAULT_THRESHOLD = 0.5;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const { topics, pool, heldout, fresh } = loadLabelledNotes();
const sets: Record<string, () => LabelledNote[]> = {
  'fresh-2': () => loadFreshSet('fresh-notes-2.json'),
  fresh: () => loadFreshSet('fresh-notes.json'),
  tuning: () => [...heldout, ...fresh],
};
const chosen = arg('--set');
if (chosen !== undefined && !(chosen in sets)) {
  console.error(`--set ${chosen}: one of ${Object.keys(sets).join(', ')}`);
  process.exit(2);
}

function loadFreshSet(name: string): LabelledNote[] {
  const file = new URL(`./data/${name}`, import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { topics: Record<string, string[]> };
  return Object.entries(data.topics).flatMap(([topicId, texts]) =>
    texts.map((text) => ({
      text,
      topicId,
      language: /[а-яё]/i.test(text) ? ('ru' as const) : ('en' as const),
    })),
  );
}

interface Result {
  note: LabelledNote;
  correct: boolean;
  confidence: number;
}
function evaluate(evaluated: LabelledNote[], over: readonly Topic[], examples: FiledExample[]): Result[] {
  const classifier = createTopicClassifier(over, examples);
  return evaluated.map((note) => {
    const best = classifier.rank(note.text)[0];
    const confidence = best && best.score > 0 ? best.confidence : 0;
    return { note, correct: best?.topicId === note.topicId, confidence };
  });
}
const accuracy = (rs: Result[]) => rs.filter((r) => r.correct).length / Math.max(1, rs.length);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const lang = (rs: Result[], l: 'ru' | 'en') => rs.filter((r) => r.note.language === l);
// Topics as a person who typed no keywords has them: a name and a one-line description.
const bare = topics.map(({ id, name, description }) => ({
  id,
  name,
  ...(description ? { description } : {}),
}));

function report(set: string, evaluated: LabelledNote[]) {
  const ru = evaluated.filter((n) => n.language === 'ru').length;
  console.log(
    `set: ${set}; ${evaluated.length} notes (${ru} ru, ${evaluated.length - ru} en) over ${topics.length} topics; ` +
      `examples from a pool of ${pool.length}\n`,
  );
  console.log('learning curve, top-1 (topics with keywords | name + description only)');
  console.log('examples/topic     all      ru      en |    all      ru      en');
  for (const k of [0, 2, 5, 10]) {
    const a = evaluate(evaluated, topics, examplesPerTopic(pool, k));
    const b = evaluate(evaluated, bare, examplesPerTopic(pool, k));
    console.log(
      `${String(k).padStart(14)} ${pct(accuracy(a))} ${pct(accuracy(lang(a, 'ru')))} ${pct(accuracy(lang(a, 'en')))} |` +
        `${pct(accuracy(b))} ${pct(accuracy(lang(b, 'ru')))} ${pct(accuracy(lang(b, 'en')))}`,
    );
  }

  console.log(`\nat the default threshold (${DEFAULT_THRESHOLD * 100}%), topics with keywords`);
  for (const k of [0, 2, 5, 10]) {
    const rs = evaluate(evaluated, topics, examplesPerTopic(pool, k));
    const filed = rs.filter((r) => r.confidence >= DEFAULT_THRESHOLD);
    console.log(
      `${String(k).padStart(14)} examples: filed ${pct(filed.length / rs.length)}, right ${pct(accuracy(filed))}, ` +
        `pending ${pct(1 - filed.length / rs.length)}`,
    );
  }

  for (const k of [0, 5]) {
    const rs = evaluate(evaluated, topics, examplesPerTopic(pool, k));
    console.log(`\nthreshold at ${k} examples/topic: filed (share of notes), filed right, pending`);
    for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      const filed = rs.filter((r) => r.confidence >= t);
      const mark = t === DEFAULT_THRESHOLD ? '  ← default' : '';
      console.log(
        `  ${String(t * 100).padStart(3)}%: filed ${String(filed.length).padStart(3)} (${pct(filed.length / rs.length)}), ` +
          `right ${pct(accuracy(filed))}, pending ${pct(1 - filed.length / rs.length)}${mark}`,
      );
    }
  }

  if (process.argv.includes('--errors')) {
    const rs = evaluate(evaluated, topics, examplesPerTopic(pool, Number(arg('--errors-k') ?? 5)));
    for (const r of rs.filter((x) => !x.correct)) console.log(`  ✗ ${r.note.topicId}: ${r.note.text}`);
  }
}

for (const set of chosen ? [chosen] : Object.keys(sets)) {
  report(set, sets[set]?.() ?? []);
  console.log('');
}
