// Notes filing accuracy, offline: what the notes capability does with each labelled note —
// classify with the user's topics and correction examples (the platform's offline title and tags,
// the notes' own classifier for the topic), file when confident (default threshold 50%),
// otherwise hold it as pending. Zero-shot, then after 2 corrections per topic.
// Run: node scripts/with-node.mjs node bench/notes-filing.ts
import { createOfflineFiling } from '../src/capabilities/notes/classifier/offline-filing.ts';
import { classifyOffline } from '../src/platform/ai/offline-engine.ts';
import { examplesPerTopic, loadLabelledNotes } from '../test/fixtures/notes/labelled-notes.ts';

const THRESHOLD = 0.5;
const offline = createOfflineFiling();
const { topics, pool, heldout, fresh } = loadLabelledNotes();
const notes = [...heldout, ...fresh];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

function run(corrections: number) {
  const examples = examplesPerTopic(pool, corrections);
  return notes.map((n) => {
    const base = classifyOffline({ note: { text: n.text }, topics, examples });
    const c = offline.file(base, { text: n.text, topics, examples });
    return {
      n,
      correct: c.topicId === n.topicId,
      filed: c.topicId !== null && c.confidence >= THRESHOLD,
      inTop3: c.alternatives.some((a) => a.topicId === n.topicId),
    };
  });
}

console.log(
  `${topics.length} topics, ${notes.length} labelled notes (${notes.filter((n) => n.language === 'ru').length} ru), threshold ${THRESHOLD * 100}%\n`,
);
console.log('corrections/topic  top-1     ru      en   filed  filed-right  right-in-pending-top-3');
for (const k of [0, 2]) {
  const rs = run(k);
  const acc = (f: (r: (typeof rs)[number]) => boolean) => {
    const part = rs.filter(f);
    return part.filter((r) => r.correct).length / Math.max(1, part.length);
  };
  const filed = rs.filter((r) => r.filed);
  const pending = rs.filter((r) => !r.filed);
  console.log(
    `${String(k).padStart(17)} ${pct(acc(() => true))} ${pct(acc((r) => r.n.language === 'ru'))} ${pct(acc((r) => r.n.language === 'en'))} ` +
      `${pct(filed.length / rs.length)} ${pct(acc((r) => r.filed)).padStart(12)} ${pct(pending.filter((r) => r.inTop3).length / Math.max(1, pending.length)).padStart(23)}`,
  );
}
