import type { Ai } from '../../platform/ai/index.ts';
import type { InboxContent, InboxTargetRegistry } from '../../platform/capability/inbox-targets.ts';
import { parseText } from '../../platform/nl/index.ts';

export interface Understood {
  /** The kind of the inbox target that claimed the line, or null when none did. */
  kind: string | null;
  content: InboxContent;
}

/**
 * Reads a free-text line: the rule-based parser always (dates, recurrence, priority, #tags,
 * course — deterministic and offline), and a configured model may overrule the intent and title.
 */
export async function understandLine(
  text: string,
  context: { timezone: string; language: 'ru' | 'en'; now: Date; userId: string },
  ai: Ai,
  targets: InboxTargetRegistry,
): Promise<Understood> {
  const parsed = parseText(text, {
    timezone: context.timezone,
    now: context.now,
    language: context.language,
  });
  let model: { intent: string } | null = null;
  let title = parsed.title;
  if (ai.describe().llm !== 'none') {
    const answer = await ai.understand(
      { text, timezone: context.timezone, now: context.now, language: context.language },
      { userId: context.userId, timezone: context.timezone },
    );
    if (answer.source === 'model') {
      model = { intent: answer.value.intent };
      if (answer.value.title.trim()) title = answer.value.title.trim();
    }
  }
  return {
    kind: targets.choose(parsed, model)?.kind ?? null,
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
