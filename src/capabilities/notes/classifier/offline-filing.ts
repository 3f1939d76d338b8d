import type {
  FiledExample,
  NoteClassification,
  OfflineTopicRanker,
  Topic,
} from '../../../platform/ai/index.ts';
import { createTopicClassifier, type TopicClassifier } from './topic-classifier.ts';

export interface OfflineFilingInput {
  text: string;
  topics: readonly Topic[];
  examples: readonly FiledExample[];
}

// Classifiers kept per person's topics and examples (building one costs tens of milliseconds,
// ranking a note a fraction of one). Keyed by the content itself, so a correction, a new topic or
// another process's change makes a new key: nothing to invalidate, across processes too.
const CACHED = 200;

/**
 * The notes' topic classifier as the AI layer's offline ranking port: the composition root hands it
 * to the AI port, so POST /api/v1/ai/classify without a model ranks with the same engine as filing.
 */
export function createOfflineRanker(): OfflineTopicRanker {
  const cache = new Map<string, TopicClassifier>();

  function classifierFor(topics: readonly Topic[], examples: readonly FiledExample[]): TopicClassifier {
    const key = JSON.stringify([topics, examples]);
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last: the first key is the one to drop.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const built = createTopicClassifier(topics, examples);
    cache.set(key, built);
    if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    return built;
  }

  return { rank: (text, topics, examples) => classifierFor(topics, examples).rank(text) };
}

/**
 * The notes' own offline choice of topic, learned from the person's examples (corrections,
 * pending choices, moves). Replaces the topic, confidence and alternatives of a classification
 * that came from the offline path; the title and tags stay.
 */
export function createOfflineFiling(ranker: OfflineTopicRanker = createOfflineRanker()) {
  return {
    file(base: NoteClassification, input: OfflineFilingInput): NoteClassification {
      const ranking = ranker.rank(input.text, input.topics, input.examples).filter((r) => r.score > 0);
      const best = ranking[0];
      return {
        ...base,
        // Nothing in common with any topic: better unfiled than a coin toss.
        topicId: best?.topicId ?? null,
        confidence: best?.confidence ?? 0,
        alternatives: ranking.slice(0, 3).map((r) => ({ topicId: r.topicId, confidence: r.confidence })),
      };
    },
  };
}
