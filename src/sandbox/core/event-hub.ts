import type { Chat, ForumTopic, User } from '@grammyjs/types';
import type { MessageView } from './message-view.ts';

export interface CallbackAnswer {
  text: string | null;
  show_alert: boolean;
  url: string | null;
}

/** Everything the UI (SSE) and long-polling control callers can observe. */
export type SandboxEvent =
  | { type: 'message'; data: { chat_id: number; message: MessageView } }
  | { type: 'edited'; data: { chat_id: number; message: MessageView } }
  | { type: 'deleted'; data: { chat_id: number; message_id: number } }
  | { type: 'chat'; data: { chat: Chat } }
  | { type: 'topic'; data: { chat_id: number; topic: ForumTopic & { closed: boolean } } }
  | { type: 'user'; data: { user: User } }
  | { type: 'callback_answer'; data: { callback_query_id: string; answer: CallbackAnswer } }
  | { type: 'chat_action'; data: { chat_id: number; action: string } }
  | { type: 'reset'; data: Record<string, never> };

export type EventListener = (event: SandboxEvent) => void;

export interface EventHub {
  emit(event: SandboxEvent): void;
  subscribe(listener: EventListener): () => void;
  /** Resolves on the first event accepted by `filter`, or with null after `ms` or on abort. */
  waitFor(
    filter: (event: SandboxEvent) => boolean,
    ms: number,
    signal?: AbortSignal,
  ): Promise<SandboxEvent | null>;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor(filter, ms, signal) {
      return new Promise((resolve) => {
        const done = (value: SandboxEvent | null): void => {
          clearTimeout(timer);
          listeners.delete(listener);
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        };
        const listener: EventListener = (event) => {
          if (filter(event)) done(event);
        };
        const onAbort = (): void => done(null);
        const timer = setTimeout(() => done(null), Math.max(0, ms));
        listeners.add(listener);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
