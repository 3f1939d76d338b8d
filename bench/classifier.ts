// Offline note classifier: top-1 accuracy on the evaluation notes versus the number of filed
// examples per topic, plus how well the confidence tracks correctness.
// Run: node scripts/with-node.mjs node bench/classifier.ts [--errors]
import { createNoteClassifier } from '../src/platform/ai/offline-classifier.ts';
import {
  examplesPerTopic,
  type LabelledNote,
  loadLabelledNotes,
} from '../test/fixtures/notes/labelled-notes.ts';

const { topics, pool, heldout, fresh } = loadLabelledNotes();
const all = [...heldout, ...fresh];

function evaluate(k: number, notes: LabelledNote[]) {
  const classifier = createNoteClassifier(topics, examplesPerTopic(pool, k));
  return notes.map((note) => {
    const best = classifier.rank(note.text)[0];
    return { note, correct: best?.topicId === note.topicId, confidence: best?.confidence ?? 0 };
  });
}
type Results = ReturnType<typeof evaluate>;
const accuracy = (rs: Results) => rs.filter((r) => r.correct).length / Math.max(1, rs.length);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

console.log(`topics: ${topics.length}; filed-example pool: ${pool.length}; evaluated: ${all.length} notes`);
console.log(
  `(held-out ${heldout.length}, fresh ${fresh.length}; ${all.filter((n) => n.language === 'ru').length} ru)\n`,
);
console.log('examples/topic   all      ru      en   held-out  fresh');
for (const k of [0, 1, 2, 5, 10]) {
  const rs = evaluate(k, all);
  const by = (f: (r: Results[number]) => boolean) => accuracy(rs.filter(f));
  console.log(
    `${String(k).padStart(14)} ${pct(accuracy(rs))} ${pct(by((r) => r.note.language === 'ru'))} ` +
      `${pct(by((r) => r.note.language === 'en'))} ${pct(by((r) => heldout.includes(r.note)))}  ${pct(by((r) => fresh.includes(r.note)))}`,
  );
}

console.log('\nconfidence of the top topic at 5 examples/topic (share of notes, accuracy within the band):');
const results = evaluate(5, all);
for (const [lo, hi] of [
  [0, 0.3],
  [0.3, 0.5],
  [0.5, 0.7],
  [0.7, 1.01],
] as const) {
  const band = results.filter((r) => r.confidence >= lo && r.confidence < hi);
  const shown = band.length ? pct(accuracy(band)) : '      —';
  console.log(
    `  ${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}: ${pct(band.length / results.length)} of notes, accuracy ${shown}`,
  );
}
if (process.argv.includes('--errors')) {
  for (const r of results.filter((x) => !x.correct)) console.log(`  ✗ ${r.note.topicId}: ${r.note.text}`);
}
