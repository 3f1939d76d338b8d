import { z } from 'zod';

export const languageSchema = z.enum(['ru', 'en']);
export type Language = z.infer<typeof languageSchema>;

// ---- classifyNote ----------------------------------------------------------------------------
export const topicSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});
export type Topic = z.infer<typeof topicSchema>;

export const filedExampleSchema = z.object({ text: z.string(), topicId: z.string() });
export type FiledExample = z.infer<typeof filedExampleSchema>;

export const noteSourceSchema = z.object({
  kind: z.enum(['text', 'voice', 'link', 'photo', 'document', 'forward']),
  from: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
});
export const noteSchema = z.object({
  text: z.string(),
  language: languageSchema.optional(),
  source: noteSourceSchema.optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const classifyNoteInputSchema = z.object({
  note: noteSchema,
  topics: z.array(topicSchema),
  examples: z.array(filedExampleSchema).default([]),
});
export type ClassifyNoteInput = z.input<typeof classifyNoteInputSchema>;

export const noteClassificationSchema = z.object({
  topicId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  title: z.string(),
  tags: z.array(z.string()),
  /** Best topics first (up to 3), for the "which topic?" buttons. */
  alternatives: z.array(z.object({ topicId: z.string(), confidence: z.number().min(0).max(1) })),
});
export type NoteClassification = z.infer<typeof noteClassificationSchema>;

// ---- understand ------------------------------------------------------------------------------
export const intentSchema = z.enum(['task', 'reminder', 'note', 'booking', 'chat']);
export type Intent = z.infer<typeof intentSchema>;

export const understandInputSchema = z.object({
  text: z.string(),
  /** IANA timezone the dates are meant in. */
  timezone: z.string().default('UTC'),
  now: z.coerce.date(),
  language: languageSchema.optional(),
});
export type UnderstandInput = z.input<typeof understandInputSchema>;

export const understandingSchema = z.object({
  intent: intentSchema,
  title: z.string(),
  /** ISO 8601 with the user's offset, or null. */
  dueAt: z.string().nullable(),
  allDay: z.boolean(),
  /** RFC 5545 RRULE (without the "RRULE:" prefix) for repeating items, or null. */
  rrule: z.string().nullable(),
  priority: z.enum(['low', 'normal', 'high']).nullable(),
  category: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  language: languageSchema,
});
export type Understanding = z.infer<typeof understandingSchema>;

// ---- renderNote ------------------------------------------------------------------------------
export const noteStyleSchema = z.object({
  preset: z.enum(['compact', 'detailed', 'minimal']).default('detailed'),
  /** Optional user template with {title} {tags} {text} {source} {topic}; overrides the preset. */
  template: z.string().max(2000).optional(),
});
export const renderNoteInputSchema = z.object({
  note: noteSchema,
  title: z.string().optional(),
  tags: z.array(z.string()).default([]),
  topicName: z.string().optional(),
  style: noteStyleSchema.default({ preset: 'detailed' }),
});
export type RenderNoteInput = z.input<typeof renderNoteInputSchema>;

/** `text` is Telegram HTML (parse_mode HTML); the parts are plain text. */
export const renderedNoteSchema = z.object({
  title: z.string(),
  tags: z.array(z.string()),
  body: z.string(),
  text: z.string(),
});
export type RenderedNote = z.infer<typeof renderedNoteSchema>;

// ---- writeInsight ----------------------------------------------------------------------------
export const insightStatsSchema = z.object({
  language: languageSchema,
  periodDays: z.number().int().positive().default(7),
  tasksCreated: z.number().int().min(0),
  tasksCompleted: z.number().int().min(0),
  completionRate: z.number().min(0).max(1),
  onTimeRate: z.number().min(0).max(1).nullable().default(null),
  overdueCount: z.number().int().min(0),
  streakDays: z.number().int().min(0),
  previousCompletionRate: z.number().min(0).max(1).nullable().default(null),
  /** 0–23, user-local. */
  mostProductiveHour: z.number().int().min(0).max(23).nullable().default(null),
  /** 1 = Monday … 7 = Sunday. */
  mostProductiveWeekday: z.number().int().min(1).max(7).nullable().default(null),
  study: z.array(z.object({ course: z.string(), percent: z.number().min(0).max(100) })).default([]),
});
export type InsightStats = z.input<typeof insightStatsSchema>;
export const insightSchema = z.object({ text: z.string() });
export type Insight = z.infer<typeof insightSchema>;

// ---- chat ------------------------------------------------------------------------------------
export const chatMessageSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });
export const profileSchema = z.object({
  language: languageSchema,
  name: z.string().optional(),
  interests: z.array(z.string()).default([]),
  goals: z.array(z.string()).default([]),
  stage: z.string().optional(),
  /** Summary of older conversation, kept when history is trimmed. */
  summary: z.string().optional(),
});
export const chatInputSchema = z.object({
  history: z.array(chatMessageSchema).min(1),
  profile: profileSchema,
  /** Who the assistant is (the companion's admin settings): its name and tone. */
  persona: z
    .object({ name: z.string().min(1).max(40), tone: z.string().min(1).max(20) })
    .default({ name: 'Secretary', tone: 'friendly' }),
});
export type ChatInput = z.input<typeof chatInputSchema>;
export const chatReplySchema = z.object({ reply: z.string() });
export type ChatReply = z.infer<typeof chatReplySchema>;

// ---- transcribe ------------------------------------------------------------------------------
export const transcribeInputSchema = z.object({
  audio: z.instanceof(Uint8Array),
  mimeType: z.string().default('audio/ogg'),
  language: languageSchema.optional(),
});
export type TranscribeInput = z.input<typeof transcribeInputSchema>;
export const transcriptSchema = z.object({ text: z.string(), language: z.string().nullable() });
export type Transcript = z.infer<typeof transcriptSchema>;
