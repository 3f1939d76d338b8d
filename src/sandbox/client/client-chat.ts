import type { Chat, ForumTopic } from '@grammyjs/types';
import { type MessageData, SandboxMessage } from './client-message.ts';
import type { Transport } from './http.ts';

/** What to wait for: substring of the text, a RegExp, or a predicate over the message. */
export type MessageMatcher = string | RegExp | ((message: SandboxMessage) => boolean);

export interface WaitOptions {
  timeoutMs?: number;
  /** Only messages of this forum topic / thread. */
  threadId?: number;
  /** Whose messages count: the bot's (default) or anyone's. */
  from?: 'bot' | 'any';
}

interface MessagesPage {
  messages: MessageData[];
  version: number;
}

// How long a wait for the bot's message or edit may take before it fails. Waits end as soon as the
// message comes, so this bound costs nothing when the bot answers; 10 s (not 5) keeps a test green
// on a 2-core machine busy with other builds, where a reply has been seen to take 5–6 s.
const DEFAULT_TIMEOUT_MS = 10_000;
const POLL_SLICE_MS = 10_000;

function describe(matcher: MessageMatcher | undefined): string {
  if (matcher === undefined) return 'any message';
  return typeof matcher === 'function'
    ? 'a message matching the predicate'
    : `a message matching ${String(matcher)}`;
}

function test(matcher: MessageMatcher | undefined, message: SandboxMessage): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'string') return message.text.includes(matcher);
  if (matcher instanceof RegExp) return matcher.test(message.text);
  return matcher(message);
}

/**
 * A chat seen by a test. `nextMessage` reads forward from a cursor that starts at the beginning of
 * the chat and advances past every message it returns (or skips), so consecutive calls see
 * consecutive replies. `markRead()` jumps the cursor to the latest message.
 */
export class SandboxChat {
  readonly id: number;
  readonly #transport: Transport;
  readonly #actorId: number | undefined;
  #cursor = 0;

  constructor(transport: Transport, id: number, actorId: number | undefined) {
    this.#transport = transport;
    this.id = id;
    this.#actorId = actorId;
  }

  /** The message id the cursor stands on (0 = nothing consumed yet). */
  get cursor(): number {
    return this.#cursor;
  }

  #wrap(data: MessageData): SandboxMessage {
    return new SandboxMessage(this.#transport, data, this.#actorId);
  }

  #page(query: Record<string, number | undefined>, signal?: AbortSignal): Promise<MessagesPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return this.#transport.request<MessagesPage>(
      'GET',
      `/chats/${this.id}/messages?${params}`,
      undefined,
      signal,
    );
  }

  async info(): Promise<{ chat: Chat; member_ids: number[]; bot_status: string }> {
    return this.#transport.request('GET', `/chats/${this.id}`);
  }

  /** All (non-deleted) messages of the chat, oldest first. */
  async messages(options: { threadId?: number } = {}): Promise<SandboxMessage[]> {
    const page = await this.#page({ thread_id: options.threadId });
    return page.messages.map((m) => this.#wrap(m));
  }

  /** Moves the cursor past everything already in the chat. */
  async markRead(): Promise<void> {
    const messages = await this.messages();
    this.#cursor = Math.max(this.#cursor, messages.at(-1)?.id ?? 0);
  }

  /** Waits for the next bot message (after the cursor) matching `matcher`; throws on timeout. */
  async nextMessage(matcher?: MessageMatcher, options: WaitOptions = {}): Promise<SandboxMessage> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const skipped: string[] = [];
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const page = await this.#page({
        after_message_id: this.#cursor,
        wait_ms: Math.min(remaining, POLL_SLICE_MS),
        thread_id: options.threadId,
      });
      for (const data of page.messages) {
        this.#cursor = Math.max(this.#cursor, data.message_id);
        const message = this.#wrap(data);
        if (options.from !== 'any' && !message.fromBot) continue;
        if (test(matcher, message)) return message;
        skipped.push(message.text);
      }
    }
    const seen = skipped.length ? ` (skipped: ${JSON.stringify(skipped)})` : '';
    throw new Error(
      `no ${describe(matcher)} from ${options.from ?? 'bot'} in chat ${this.id} within ${timeoutMs} ms${seen}`,
    );
  }

  /** Asserts the bot says nothing (after the cursor) for `ms`; returns quietly or throws with what it said. */
  async expectNoMessage(ms = 500, options: { threadId?: number } = {}): Promise<void> {
    const page = await this.#page({
      after_message_id: this.#cursor,
      wait_ms: ms,
      thread_id: options.threadId,
    });
    const fromBot = page.messages.filter((m) => m.from?.is_bot);
    if (fromBot.length)
      throw new Error(
        `expected no bot message, got ${JSON.stringify(fromBot.map((m) => m.text ?? m.caption))}`,
      );
  }

  /**
   * Waits until `message` is edited (or deleted) after the given snapshot and, if given,
   * `predicate` accepts the new state. Returns the updated message.
   */
  async waitForEdit(
    message: SandboxMessage,
    predicate?: MessageMatcher,
    options: { timeoutMs?: number } = {},
  ): Promise<SandboxMessage> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    let since = message.data.version;
    let latest: SandboxMessage | undefined;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const page = await this.#page({ since_version: since, wait_ms: Math.min(remaining, POLL_SLICE_MS) });
      since = page.version;
      const data = page.messages.find((m) => m.message_id === message.id);
      if (!data) continue;
      latest = this.#wrap(data);
      if (test(predicate, latest)) return latest;
    }
    const last = latest ? ` (last seen: ${JSON.stringify(latest.text)})` : ' (no change seen)';
    throw new Error(
      `message ${message.id} in chat ${this.id}: no edit matching within ${timeoutMs} ms${last}`,
    );
  }

  async topics(): Promise<Array<ForumTopic & { closed: boolean }>> {
    return (
      await this.#transport.request<{ topics: Array<ForumTopic & { closed: boolean }> }>(
        'GET',
        `/chats/${this.id}/topics`,
      )
    ).topics;
  }

  /** A member opens a forum topic; the bot receives the forum_topic_created message. */
  async createTopic(name: string, from?: { id: number } | number): Promise<ForumTopic & { closed: boolean }> {
    const fromId = typeof from === 'number' ? from : (from?.id ?? this.#actorId);
    if (fromId === undefined) throw new Error('createTopic needs a user: pass from');
    const body = await this.#transport.request<{ topic: ForumTopic & { closed: boolean } }>(
      'POST',
      `/chats/${this.id}/topics`,
      { name, from: fromId },
    );
    return body.topic;
  }
}
