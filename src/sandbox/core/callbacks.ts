import type { CallbackAnswer, EventHub } from './event-hub.ts';

interface PendingQuery {
  answer: CallbackAnswer | undefined;
}

/** Tracks callback queries sent to the bot and the bot's answerCallbackQuery replies. */
export interface CallbackRegistry {
  open(id: string): void;
  /** Records the bot's answer; false when the id is unknown or already answered. */
  answer(id: string, answer: CallbackAnswer): boolean;
  /** The answer once given, or null after `ms`. */
  waitForAnswer(id: string, ms: number): Promise<CallbackAnswer | null>;
  clear(): void;
}

export function createCallbackRegistry(events: EventHub): CallbackRegistry {
  let queries = new Map<string, PendingQuery>();
  return {
    open(id) {
      queries.set(id, { answer: undefined });
    },
    answer(id, answer) {
      const query = queries.get(id);
      if (!query || query.answer) return false;
      query.answer = answer;
      events.emit({ type: 'callback_answer', data: { callback_query_id: id, answer } });
      return true;
    },
    async waitForAnswer(id, ms) {
      const known = queries.get(id)?.answer;
      if (known) return known;
      const event = await events.waitFor(
        (e) => e.type === 'callback_answer' && e.data.callback_query_id === id,
        ms,
      );
      return event?.type === 'callback_answer' ? event.data.answer : null;
    },
    clear() {
      queries = new Map();
    },
  };
}
