import { z } from 'zod';
import type { Ai, AiOfflineReason } from '../../platform/ai/index.ts';
import type { ActivityService } from './activity-service.ts';
import type { AgendaSource } from './agenda.ts';
import type { ConversationStore, StoredMessage } from './conversation-store.ts';
import type { ProfileService } from './profile-service.ts';

/** Messages sent to the model verbatim; older ones reach it through the summary. */
export const KEEP_MESSAGES = 12;
/** Unsummarised messages that trigger a new summary. */
export const SUMMARISE_AT = 30;

export interface ChatUser {
  id: string;
  firstName: string;
  language: 'ru' | 'en';
  timezone: string;
}

/** A model's answer, or — offline — what the bot can honestly offer instead (rendered by the bot). */
export type ChatAnswer =
  | { kind: 'model'; text: string }
  | { kind: 'offline'; reason: AiOfflineReason; agenda: Awaited<ReturnType<AgendaSource['today']>> };

export interface ConversationService {
  reply(user: ChatUser, text: string): Promise<ChatAnswer>;
  reset(userId: string): Promise<void>;
}

const summarySchema = z.object({ summary: z.string().max(2000) });

export function createConversationService(deps: {
  store: ConversationStore;
  ai: Ai;
  activity: ActivityService;
  profiles: ProfileService;
  agenda: AgendaSource;
  /** The admin's persona (name, tone) for the system prompt; the default one when absent. */
  persona?: () => Promise<{ name: string; tone: string }>;
  now: () => Date;
}): ConversationService {
  const { store, ai, now } = deps;

  /** Folds the oldest messages into the summary once the history is long; keeps the last few verbatim. */
  async function history(user: ChatUser) {
    const summary = await store.summary(user.id);
    let messages = await store.unsummarised(user.id, summary?.until ?? null);
    let summaryText = summary?.text ?? '';
    if (messages.length >= SUMMARISE_AT) {
      const old = messages.slice(0, messages.length - KEEP_MESSAGES);
      const last = old.at(-1) as StoredMessage;
      const result = await ai.generate(
        {
          op: 'companion.summary',
          system:
            'Summarise this conversation between a user and their assistant in at most 8 short sentences, ' +
            'keeping facts about the user, their plans and open questions. Answer as JSON {"summary": "..."}.',
          prompt: `Earlier summary: ${summaryText || '(none)'}\n\n${old.map((m) => `${m.role}: ${m.text}`).join('\n')}`,
          schema: summarySchema,
          offline: () => ({ summary: offlineSummary(summaryText, old) }),
        },
        { userId: user.id, timezone: user.timezone },
      );
      summaryText = result.value.summary;
      await store.saveSummary(user.id, summaryText, last.createdAt, now());
      messages = messages.slice(-KEEP_MESSAGES);
    }
    return { summary: summaryText, messages: messages.slice(-KEEP_MESSAGES) };
  }

  return {
    async reply(user, text) {
      await store.append(user.id, 'user', text, now());
      await deps.activity.record(user.id, 'companion.chat');
      const { summary, messages } = await history(user);
      const profile = await deps.profiles.get(user.id);
      const persona = await deps.persona?.();
      const result = await ai.chat(
        {
          history: messages.map((m) => ({ role: m.role, content: m.text })),
          profile: {
            language: user.language,
            name: user.firstName,
            interests: profile.interests,
            goals: profile.goals,
            stage: profile.stage,
            ...(summary ? { summary } : {}),
          },
          ...(persona ? { persona } : {}),
        },
        // The person waits for this reply: if it cannot come from the model they hear why, once a day.
        { userId: user.id, timezone: user.timezone, tellUser: true },
      );
      if (result.source === 'offline') {
        // No model (or it failed): say so, and offer what the other capabilities know today.
        return {
          kind: 'offline',
          reason: result.offlineReason ?? 'no_model',
          agenda: await deps.agenda.today(user.id, user.timezone),
        };
      }
      await store.append(user.id, 'assistant', result.value.reply, now());
      return { kind: 'model', text: result.value.reply };
    },
    reset: (userId) => store.clear(userId),
  };
}

/** Without a model: the earlier summary plus the user's own recent lines, shortened. */
function offlineSummary(previous: string, old: readonly StoredMessage[]): string {
  const lines = old
    .filter((m) => m.role === 'user')
    .slice(-8)
    .map((m) => (m.text.length > 120 ? `${m.text.slice(0, 117)}…` : m.text));
  return [previous, ...lines].filter(Boolean).join(' · ').slice(-1900);
}
