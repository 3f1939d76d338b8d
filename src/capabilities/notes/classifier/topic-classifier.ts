import type { FiledExample, Topic } from '../../../platform/ai/ai-schemas.ts';
import { vocabularyFor } from './domain-vocabulary.ts';
import { type Bag, createVocabulary, phrasesOf, bagOf as stemBag } from './note-features.ts';

/** One topic's score for a note; `confidence` is calibrated: see calibrate() below. */
export interface TopicScore {
  topicId: string;
  /** Log-likelihood of the note's known words under this topic (smoothed); 0 = nothing in common. */
  score: number;
  confidence: number;
}

export interface TopicClassifier {
  /** All topics, best first. Empty when there are no topics. */
  rank(text: string): TopicScore[];
}

type Distribution = Map<string, number>;

/** The weights, set on the fixture notes only (bench/classifier-cv.ts; bench/classifier.ts --set tuning). */
export const CLASSIFIER_WEIGHTS = {
  // The topic's own words (name, keywords, description) keep profileShare × priorStrength /
  // (priorStrength + n) of its mass with n examples, never less than profileFloor.
  priorStrength: 3,
  // A word of one of the person's examples against one built-in vocabulary word.
  exampleWord: 0.4,
  // The least share the topic's own name, keywords and description keep however many examples.
  profileFloor: 0.2,
  // With no examples: the topic's own words against its vocabulary (built-in plus examples).
  profileShare: 0.5,
  // Additive smoothing of every topic's word probabilities, so one unseen word does not veto a topic.
  smoothing: 0.0003,
  // Naive Bayes over-counts correlated words; the posterior is tempered (see calibrate).
  temperature: 2.2,
  // The best score at which a clear winner is trusted fully; below it confidence shrinks.
  fullTrust: 2,
  // The nearest examples' similarity (cosine over tf-idf, 0..1) in the units of the prior's score.
  neighbourWeight: 6,
  // Only a close example counts (a note much like one the person filed or corrected).
  nearFrom: 0.5,
};
export type ClassifierWeights = typeof CLASSIFIER_WEIGHTS;

/**
 * Multinomial naive Bayes over stems: each topic's word distribution mixes its own words (name,
 * keywords, description) with a vocabulary of built-in domain words and the words of the person's
 * examples, so the built-in prior fades as examples grow; a word several topics share counts less.
 * A note much like one example gets that example's topic (nearest neighbour). Unknown words map to
 * the nearest known stem by character trigrams (typos, odd forms). Deterministic; building one
 * costs tens of milliseconds (offline-filing.ts caches them), ranking a note a fraction of one.
 */
export function createTopicClassifier(
  topics: readonly Topic[],
  examples: readonly FiledExample[],
  weights: ClassifierWeights = CLASSIFIER_WEIGHTS,
): TopicClassifier {
  const phrases = phrasesOf(topics.flatMap((t) => t.keywords ?? []));
  const bagOf = (text: string) => stemBag(text, phrases);
  const exampleBags = examples.map((e) => ({ topicId: e.topicId, bag: bagOf(e.text) }));
  const idf = inverseFrequency([
    ...topics.map((t) => bagOf(profileText(t))),
    ...exampleBags.map((e) => e.bag),
  ]);
  const builtIn = topics.map((t) => vocabularyFor(t.name, t.keywords ?? []));
  // How many topics a word already belongs to (built-in or in examples): an example word other
  // topics share says less about this one.
  const owners = new Map<string, Set<string>>();
  const own = (w: string, id: string) => {
    const set = owners.get(w) ?? new Set<string>();
    set.add(id);
    owners.set(w, set);
  };
  topics.forEach((t, i) => {
    for (const w of builtIn[i] ?? []) own(w, t.id);
  });
  for (const e of exampleBags) for (const w of e.bag.keys()) own(w, e.topicId);
  const models = topics.map((topic, i) => {
    const own = exampleBags.filter((e) => e.topicId === topic.id).map((e) => e.bag);
    const others = (w: string) => [...(owners.get(w) ?? [])].filter((id) => id !== topic.id).length;
    return {
      id: topic.id,
      words: topicDistribution(topic, builtIn[i] ?? new Set(), own, weights, others, bagOf),
      examples: own.map((bag) => unit(bag, idf)),
    };
  });
  const background: Distribution = new Map();
  for (const m of models)
    for (const [w, p] of m.words) background.set(w, (background.get(w) ?? 0) + p / models.length);
  const vocabulary = createVocabulary(background.keys());

  return {
    rank(text) {
      if (models.length === 0) return [];
      const raw = bagOf(text);
      const query = vocabulary.project(raw);
      const near = unit(raw, idf);
      const scored = models.map((m) => ({
        topicId: m.id,
        score:
          logLikelihood(m.words, background, query, weights.smoothing) +
          weights.neighbourWeight * closeness(near, m.examples, weights.nearFrom),
      }));
      scored.sort((a, b) => b.score - a.score || a.topicId.localeCompare(b.topicId));
      return calibrate(scored, weights);
    },
  };
}

function topicDistribution(
  topic: Topic,
  builtIn: Set<string>,
  examples: Bag[],
  weights: ClassifierWeights,
  others: (word: string) => number,
  bagOf: (text: string) => Bag,
): Distribution {
  const profile: Bag = new Map();
  const add = (bag: Bag, weight: number) => {
    for (const [w, c] of bag) profile.set(w, (profile.get(w) ?? 0) + c * weight);
  };
  add(bagOf(topic.name), 3);
  for (const k of topic.keywords ?? []) add(bagOf(k), 2);
  add(bagOf(topic.description ?? ''), 1);
  // The topic's vocabulary: the built-in words it picked up by its name, then every word of the
  // person's examples; as examples grow, their words outweigh the built-in ones (the fading prior).
  const vocabulary: Bag = new Map([...builtIn].map((w) => [w, 1]));
  for (const e of examples)
    for (const w of e.keys())
      vocabulary.set(w, (vocabulary.get(w) ?? 0) + weights.exampleWord / (1 + others(w)));
  if (vocabulary.size === 0) return normalise(profile);
  // A topic known only by its name and the person's examples leans on the examples as they grow.
  const share = Math.max(
    weights.profileFloor,
    weights.profileShare * (weights.priorStrength / (weights.priorStrength + examples.length)),
  );
  return mix([
    [normalise(profile), share],
    [normalise(vocabulary), 1 - share],
  ]);
}

function logLikelihood(words: Distribution, background: Distribution, query: Bag, smoothing: number): number {
  let sum = 0;
  for (const [w, count] of query) {
    if (!background.has(w)) continue;
    // log P(w|topic) against a word no topic knows, under additive smoothing: 0 when absent.
    sum += count * Math.log(1 + (words.get(w) ?? 0) / smoothing);
  }
  return sum;
}

/**
 * Confidence: the tempered posterior of each topic, shrunk when the evidence is thin. Set with
 * the fixture notes (bench/classifier-cv.ts) so that at the default threshold (0.5) about 97 % of the filed
 * notes are right; bench/classifier.ts prints, per threshold, how many are filed and how many right.
 */
function calibrate(scored: { topicId: string; score: number }[], weights: ClassifierWeights): TopicScore[] {
  const best = scored[0]?.score ?? 0;
  const exps = scored.map((s) => Math.exp((s.score - best) / weights.temperature));
  const total = exps.reduce((s, v) => s + v, 0);
  // Weak evidence (one word in common) is not trusted as much as a clear match; none, not at all.
  const evidence = Math.min(1, Math.max(0, best) / weights.fullTrust);
  return scored.map((s, i) => ({
    ...s,
    score: round(s.score),
    confidence: round(((exps[i] ?? 0) / total) * evidence),
  }));
}

const profileText = (t: Topic) => [t.name, ...(t.keywords ?? []), t.description ?? ''].join(' ');

function inverseFrequency(documents: Bag[]): (w: string) => number {
  const df = new Map<string, number>();
  for (const d of documents) for (const w of d.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = documents.length;
  return (w) => Math.log(1 + (n + 1) / ((df.get(w) ?? 0) + 1));
}

function unit(bag: Bag, idf: (w: string) => number): Bag {
  const out: Bag = new Map();
  let norm = 0;
  for (const [w, c] of bag) {
    const v = c * idf(w);
    out.set(w, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [w, v] of out) out.set(w, v / norm);
  return out;
}

/** How close the nearest example is (cosine over tf-idf), 0 below `from`, 1 for the same words. */
function closeness(query: Bag, examples: Bag[], from: number): number {
  let best = 0;
  for (const e of examples) {
    let dot = 0;
    for (const [w, v] of query) dot += v * (e.get(w) ?? 0);
    best = Math.max(best, dot);
  }
  return Math.max(0, best - from) / (1 - from);
}

function normalise(bag: Bag): Distribution {
  let total = 0;
  for (const v of bag.values()) total += v;
  const out: Distribution = new Map();
  if (total > 0) for (const [w, v] of bag) out.set(w, v / total);
  return out;
}

function mix(parts: Array<[Distribution, number]>): Distribution {
  const out: Distribution = new Map();
  for (const [d, weight] of parts) for (const [w, p] of d) out.set(w, (out.get(w) ?? 0) + p * weight);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
