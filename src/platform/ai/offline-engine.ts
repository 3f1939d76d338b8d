import type { AiEngine, OfflineTopicRanker, ParsedClassifyNoteInput } from './ai-port.ts';
import { ZERO_USAGE } from './ai-port.ts';
import type { NoteClassification } from './ai-schemas.ts';
import { createNoteClassifier } from './offline-classifier.ts';
import {
  chatOffline,
  renderNoteOffline,
  tagsFrom,
  titleFrom,
  writeInsightOffline,
} from './offline-templates.ts';
import { understandOffline } from './offline-understand.ts';

/**
 * Classification without a model: the topics ranked by `ranker` (a capability's, when one is
 * provided; else the platform's similarity rules), title from the first sentence, tags from keywords.
 */
export function classifyOffline(
  input: ParsedClassifyNoteInput,
  ranker?: OfflineTopicRanker,
): NoteClassification {
  const text = [input.note.text, input.note.source?.title].filter(Boolean).join('\n');
  const ranking = ranker
    ? ranker.rank(text, input.topics, input.examples)
    : createNoteClassifier(input.topics, input.examples).rank(text);
  const best = ranking[0];
  const topic = best ? input.topics.find((t) => t.id === best.topicId) : undefined;
  return {
    // Nothing in common with any topic: better unfiled than a coin toss.
    topicId: best && best.score > 0 ? best.topicId : null,
    confidence: best && best.score > 0 ? best.confidence : 0,
    title: titleFrom(text),
    tags: tagsFrom(input.note.text, topic?.keywords ?? []),
    alternatives: ranking
      .filter((r) => r.score > 0)
      .slice(0, 3)
      .map((r) => ({ topicId: r.topicId, confidence: r.confidence })),
  };
}

/**
 * The deterministic engine used when no provider is configured, over the cap, or as a fallback.
 * `ranker` is read at each call: the composition root provides it once capabilities are built.
 */
export function createOfflineEngine(
  ranker: () => OfflineTopicRanker | undefined = () => undefined,
): AiEngine {
  const wrap = <T>(value: T) => Promise.resolve({ value, usage: ZERO_USAGE });
  return {
    classifyNote: (input) => wrap(classifyOffline(input, ranker())),
    understand: (input) =>
      wrap(
        understandOffline({
          text: input.text,
          timezone: input.timezone,
          now: input.now,
          language: input.language,
        }),
      ),
    renderNote: (input) => wrap(renderNoteOffline(input)),
    writeInsight: (input) => wrap(writeInsightOffline(input)),
    chat: (input) => wrap(chatOffline(input)),
    generate: (request) => wrap(request.offline()),
  };
}
