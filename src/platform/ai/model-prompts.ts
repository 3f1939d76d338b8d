import { z } from 'zod';
import type {
  ParsedChatInput,
  ParsedClassifyNoteInput,
  ParsedInsightStats,
  ParsedRenderNoteInput,
  ParsedUnderstandInput,
} from './ai-port.ts';

// Model-facing schemas: every field required (nullable instead of optional) and no numeric bounds,
// because strict structured-output modes reject both; values are clamped after parsing.
export const modelClassificationSchema = z.object({
  topicId: z.string().nullable(),
  confidence: z.number(),
  title: z.string(),
  tags: z.array(z.string()),
  alternatives: z.array(z.object({ topicId: z.string(), confidence: z.number() })),
});
export const modelUnderstandingSchema = z.object({
  intent: z.enum(['task', 'reminder', 'note', 'booking', 'chat']),
  title: z.string(),
  /** Local wall-clock time without offset, e.g. 2026-05-02T10:00, or null. */
  dueLocal: z.string().nullable(),
  allDay: z.boolean(),
  rrule: z.string().nullable(),
  priority: z.enum(['low', 'normal', 'high']).nullable(),
  category: z.string().nullable(),
  confidence: z.number(),
});
export const modelRenderedNoteSchema = z.object({
  title: z.string(),
  tags: z.array(z.string()),
  body: z.string(),
});

const json = (value: unknown) => JSON.stringify(value);

export function classifyPrompt(input: ParsedClassifyNoteInput) {
  const examples = input.examples.slice(-30).map((e) => ({ topicId: e.topicId, text: e.text.slice(0, 300) }));
  return {
    system:
      "You file personal notes into the user's topics. Choose the single best topic id from the list, or null " +
      'if none fits. confidence is your probability (0..1) that the topic is right. title: a short title in the ' +
      "note's language (max 60 characters). tags: up to 5 lowercase single-word tags. alternatives: up to 3 " +
      'best topic ids with confidences, best first. Past filed notes show how this user files.',
    prompt: `Topics: ${json(input.topics)}\nPast filed notes: ${json(examples)}\nNote: ${json(input.note)}`,
  };
}

export function understandPrompt(input: ParsedUnderstandInput, localNow: string) {
  return {
    system:
      'You read one message sent to a personal assistant and say what it is: a task (something to do, maybe ' +
      'with a deadline), a reminder (notify at a time), a note (to keep), a booking (appointment with a ' +
      'specialist) or chat (conversation). title: the item without date words, in the message language. ' +
      'dueLocal: the local date-time it refers to as YYYY-MM-DDTHH:mm (no offset) or null; future dates only. ' +
      'allDay: true when only a date is given. rrule: an RFC 5545 RRULE body like FREQ=WEEKLY;BYDAY=MO for ' +
      'repeating items, else null. priority: for tasks/reminders, else null. category: one word such as work, ' +
      'study, health, finance, home, travel, or null. confidence: 0..1.',
    prompt: `Now (local): ${localNow} (${input.timezone})\nMessage: ${json(input.text)}`,
  };
}

export function renderPrompt(input: ParsedRenderNoteInput) {
  return {
    system:
      "You tidy a personal note for filing. Keep the author's language and meaning; fix obvious typos and " +
      'spacing, turn run-on lists into lines starting with "• ", drop filler. Never add facts. title: max 60 ' +
      'characters. tags: up to 5 lowercase single-word tags. body: the cleaned text, plain text, no markdown.',
    prompt: `Topic: ${json(input.topicName ?? null)}\nNote: ${json(input.note)}`,
  };
}

export function insightPrompt(stats: ParsedInsightStats) {
  const language = stats.language === 'ru' ? 'Russian' : 'English';
  return {
    system:
      `You write a short, warm, specific weekly insight (3–5 sentences, ${language}, plain text, no markdown) ` +
      "from a user's task statistics: one observation, one pattern, one concrete suggestion. Do not invent numbers.",
    prompt: `Statistics: ${json(stats)}`,
  };
}

export function chatPrompt(input: ParsedChatInput) {
  const language = input.profile.language === 'ru' ? 'Russian' : 'English';
  const p = input.profile;
  return {
    system:
      `You are ${input.persona.name}, a ${input.persona.tone} personal assistant in Telegram. Reply in ${language}, briefly (1–4 ` +
      'sentences), plain text. Be supportive and practical; you can suggest turning plans into tasks or ' +
      `reminders. What you know about the user: ${json({ name: p.name ?? null, interests: p.interests, goals: p.goals, stage: p.stage ?? null })}` +
      (p.summary ? `\nEarlier conversation, summarised: ${p.summary}` : ''),
    messages: input.history.slice(-20),
  };
}
