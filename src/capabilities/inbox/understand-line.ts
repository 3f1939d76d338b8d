import type { Ai } from '../../platform/ai/index.ts';
import { parseText } from '../../platform/nl/index.ts';
import type { DraftContent } from './draft-store.ts';

export interface Understood {
  kind: 'task' | 'reminder' | null;
  content: DraftContent;
}

/**
 * Reads a free-text line: the rule-based parser always (dates, recurrence, priority, #tags,
 * course — deterministic and offline), and a configured model may overrule the intent and title.
 */
export async function understandLine(
  text: string,
  context: { timezone: string; language: 'ru' | 'en'; now: Date; userId: string },
  ai: Ai,
): Promise<Understood> {
  const parsed = parseText(text, {
    timezone: context.timezone,
    now: context.now,
    language: context.language,
  });
  let kind: Understood['kind'] = parsed.intent === 'unknown' ? null : parsed.intent;
  let title = parsed.title;
  if (ai.describe().llm !== 'none') {
    const model = await ai.understand(
      { text, timezone: context.timezone, now: context.now, language: context.language },
      { userId: context.userId, timezone: context.timezone },
    );
    if (model.source === 'model') {
      const intent = model.value.intent;
      kind = intent === 'task' || intent === 'reminder' ? intent : null;
      if (model.value.title.trim()) title = model.value.title.trim();
    }
  }
  return {
    kind,
    content: {
      title,
      dueAt: parsed.dueAt ? parsed.dueAt.toISOString() : null,
      allDay: parsed.allDay,
      rrule: parsed.rrule,
      priority: parsed.priority,
      category: parsed.category,
      course: parsed.course,
    },
  };
}
