// Tuning aid for the offline note classifier: repeated random splits of the fixture notes (pool +
// tuning set, never bench/data/*) into a person's examples and notes to classify. Prints the mean
// learning curve and the default threshold's filed/right share, for CLASSIFIER_WEIGHTS or overrides.
//
// Run: node scripts/with-node.mjs node bench/classifier-cv.ts [--rounds 12] [--w '{"exampleShare":4}']
import {
  CLASSIFIER_WEIGHTS,
  createTopicClassifier,
} from '../src/capabilities/notes/classifier/topic-classifier.ts';
import { type LabelledNote, loadLabelledNotes } from '../test/fixtures/notes/labelled-notes.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 12);
const weights = { ...CLASSIFIER_WEIGHTS, ...JSON.parse(arg('--w') ?? '{}') };
const THRESHOLD = 0.5;
const KS = [0, 2, 5, 10];

const { topics, pool, heldout, fresh } = loadLabelledNotes();
const byTopic = new Map<string, LabelledNote[]>();
for (const n of [...pool, ...heldout, ...fresh])
  byTopic.set(n.topicId, [...(byTopic.get(n.topicId) ?? []), n]);

// A small seeded generator, so every run of the same weights gives the same figures.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const shuffled = <T>(xs: T[], next: () => number) => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

const sums = new Map<number, { right: number; all: number; filed: number; filedRight: number }>();
for (let r = 0; r < rounds; r++) {
  const next = random(r + 1);
  const candidates: LabelledNote[] = [];
  const evaluated: LabelledNote[] = [];
  for (const notes of byTopic.values()) {
    const s = shuffled(notes, next);
    candidates.push(...s.slice(0, 10));
    evaluated.push(...s.slice(10));
  }
  for (const k of KS) {
    const taken = new Map<string, number>();
    const examples = candidates.filter((n) => {
      const c = taken.get(n.topicId) ?? 0;
      taken.set(n.topicId, c + 1);
      return c < k;
    });
    const classifier = createTopicClassifier(topics, examples, weights);
    const acc = sums.get(k) ?? { right: 0, all: 0, filed: 0, filedRight: 0 };
    for (const n of evaluated) {
      const best = classifier.rank(n.text)[0];
      const right = best?.topicId === n.topicId;
      const confidence = best && best.score > 0 ? best.confidence : 0;
      acc.all++;
      if (right) acc.right++;
      if (confidence >= THRESHOLD) {
        acc.filed++;
        if (right) acc.filedRight++;
      }
    }
    sums.set(k, acc);
  }
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  KS.map((k) => {
    const s = sums.get(k);
    if (!s) return '';
    return `k=${k}: ${pct(s.right / s.all)} filed ${pct(s.filed / s.all)} right ${pct(s.filedRight / Math.max(1, s.filed))}`;
  }).join(' | '),
);
