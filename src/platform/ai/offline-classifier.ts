import type { FiledExample, Topic } from './ai-schemas.ts';
import { stems } from './text-tokens.ts';
import { lexiconFor } from './topic-lexicon.ts';

/** One topic's score for a note; `confidence` is calibrated so that a threshold means something. */
export interface TopicScore {
  topicId: string;
  score: number;
  confidence: number;
}

export interface NoteClassifier {
  /** All topics, best first. Empty when there are no topics. */
  rank(text: string): TopicScore[];
}

type Vector = Map<string, number>;

interface TopicModel {
  id: string;
  profile: Vector;
  /** Each keyword as its stem sequence; a phrase matches when its stems appear in order. */
  keywords: string[][];
  /** Built-in domain vocabulary the topic picked up by its name (see topic-lexicon.ts). */
  lexicon: Set<string>;
  examples: Vector[];
}

// Weights of the kinds of evidence, set by hand and checked with bench/classifier.ts on the
// "heldout" notes; the "fresh" notes were never used for tuning and are the unbiased figure.
const PROFILE_WEIGHT = 0.6;
const KEYWORD_WEIGHT = 0.45;
const LEXICON_WEIGHT = 0.4;
const EXAMPLE_WEIGHT = 1.0;
const NEIGHBOURS = 2;
// Softmax temperature and the score at which a clear winner is trusted fully.
const TEMPERATURE = 0.12;
const FULL_TRUST_SCORE = 0.55;

/** Builds a deterministic similarity classifier over topic profiles and filed examples. */
export function createNoteClassifier(
  topics: readonly Topic[],
  examples: readonly FiledExample[],
): NoteClassifier {
  const profileTerms = topics.map((t) => profileTermCounts(t));
  const exampleTerms = examples.map((e) => ({ topicId: e.topicId, counts: termCounts(stems(e.text)) }));
  const documents = [...profileTerms, ...exampleTerms.map((e) => e.counts)];
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const idf = (term: string) => Math.log(1 + (n + 1) / ((df.get(term) ?? 0) + 1));

  const models: TopicModel[] = topics.map((topic, i) => ({
    id: topic.id,
    profile: weigh(profileTerms[i] ?? new Map(), idf),
    keywords: (topic.keywords ?? []).map((k) => stems(k)).filter((k) => k.length > 0),
    lexicon: lexiconFor(topic.name, topic.keywords ?? []),
    examples: exampleTerms.filter((e) => e.topicId === topic.id).map((e) => weigh(e.counts, idf)),
  }));

  return {
    rank(text) {
      if (models.length === 0) return [];
      const noteStems = stems(text);
      const query = weigh(termCounts(noteStems), idf);
      const scored = models.map((m) => ({ topicId: m.id, score: scoreTopic(m, query, noteStems) }));
      scored.sort((a, b) => b.score - a.score || a.topicId.localeCompare(b.topicId));
      return calibrate(scored);
    },
  };
}

function scoreTopic(model: TopicModel, query: Vector, noteStems: string[]): number {
  const profile = cosine(query, model.profile);
  const hits = model.keywords.filter((k) => containsPhrase(noteStems, k)).length;
  const keyword = 1 - Math.exp(-hits);
  const lexiconHits = new Set(noteStems.filter((s) => model.lexicon.has(s))).size;
  const lexicon = 1 - Math.exp(-lexiconHits);
  const sims = model.examples.map((e) => cosine(query, e)).sort((a, b) => b - a);
  const top = sims.slice(0, NEIGHBOURS);
  const example = top.length > 0 ? top.reduce((s, v) => s + v, 0) / NEIGHBOURS : 0;
  return (
    PROFILE_WEIGHT * profile + KEYWORD_WEIGHT * keyword + LEXICON_WEIGHT * lexicon + EXAMPLE_WEIGHT * example
  );
}

/** Softmax over scores, damped when even the best score is weak (nothing really matched). */
function calibrate(scored: { topicId: string; score: number }[]): TopicScore[] {
  const best = scored[0]?.score ?? 0;
  const exps = scored.map((s) => Math.exp((s.score - best) / TEMPERATURE));
  const total = exps.reduce((s, v) => s + v, 0);
  const trust = Math.min(1, best / FULL_TRUST_SCORE);
  return scored.map((s, i) => ({ ...s, confidence: round(((exps[i] ?? 0) / total) * trust) }));
}

function profileTermCounts(topic: Topic): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (terms: string[], weight: number) => {
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + weight);
  };
  add(stems(topic.name), 3);
  for (const k of topic.keywords ?? []) add(stems(k), 2);
  add(stems(topic.description ?? ''), 1);
  return counts;
}

function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function weigh(counts: Map<string, number>, idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const w = (1 + Math.log(count)) * idf(term);
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 1) return haystack.includes(phrase[0] ?? '');
  for (let i = 0; i + phrase.length <= haystack.length; i++) {
    if (phrase.every((p, j) => haystack[i + j] === p)) return true;
  }
  return false;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
