import type { ScriptedModel } from '../../src/platform/ai/testing/scripted-model.ts';
import type { SandboxChat, SandboxMessage } from '../../src/sandbox/client.ts';
import type { TestSystem } from './test-system.ts';

export {
  type ScriptedModel,
  type ScriptedReply,
  type ScriptedRequest,
  type ScriptedRule,
  startScriptedModel,
} from '../../src/platform/ai/testing/scripted-model.ts';

/** The start of each operation's system prompt: what a rule matches to answer one operation. */
export const OP = {
  chat: 'You are Secretary, a friendly personal assistant',
  summary: 'Summarise this conversation',
  understand: 'You read one message sent to a personal assistant',
  classify: 'You file personal notes',
  render: 'You tidy a personal note',
  insight: 'weekly insight',
  profile: "Write a short profile of an assistant's user",
  checkIn: 'You decide whether a personal assistant should write to its user first',
} as const;

/** Environment that points both the language model and speech-to-text at the scripted model. */
export function scriptedModelEnv(model: ScriptedModel, extra: Record<string, string> = {}) {
  return {
    AI_PROVIDER: 'openai-compatible',
    AI_MODEL: 'scripted',
    AI_BASE_URL: model.url,
    STT_PROVIDER: 'openai-compatible',
    STT_BASE_URL: model.url,
    STT_MODEL: 'whisper-scripted',
    // One attempt per call: a scripted 429 or 500 means "the model failed", not "try again".
    AI_MAX_RETRIES: '0',
    // The breaker would turn later calls offline without asking the model; tests count requests.
    AI_BREAKER_FAILURES: '1000',
    ...extra,
  };
}

/** Structured answer of the intent step: the line is conversation (no task, no reminder). */
export const chatIntent = (title: string) => ({
  json: {
    intent: 'chat',
    title,
    dueLocal: null,
    allDay: false,
    rrule: null,
    priority: null,
    category: null,
    confidence: 0.9,
  },
});

/** The messages (role, content) of a chat completion request, system prompt first. */
export function messagesOf(request: { json: Record<string, unknown> | null }) {
  return (request.json?.messages ?? []) as { role: string; content: string }[];
}

/** The bot message matching `matcher`, whether it came already (maybe before a cursor) or comes next. */
export async function botSaid(chat: SandboxChat, matcher: RegExp): Promise<SandboxMessage> {
  const already = (await chat.messages()).find((m) => m.fromBot && matcher.test(m.text));
  return already ?? chat.nextMessage(matcher);
}

/** Every bot message in the chat matching `matcher`. */
export async function countSaid(chat: SandboxChat, matcher: RegExp): Promise<number> {
  return (await chat.messages()).filter((m) => m.fromBot && matcher.test(m.text)).length;
}

/** The AI notices the app asked the notifier to send to this chat (their dedupe keys). */
export async function noticesEnqueued(t: TestSystem, chatId: number): Promise<string[]> {
  const rows = await t.system.database.raw.query<{ key: string }>(
    `SELECT data #>> '{payload,dedupeKey}' AS key FROM pgboss.job
      WHERE name = 'notify' AND data #>> '{payload,dedupeKey}' LIKE 'ai-notice:%'
        AND (data #>> '{payload,chatId}')::bigint = $1`,
    [chatId],
  );
  return rows.map((r) => r.key);
}
