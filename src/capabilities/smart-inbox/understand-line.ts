import type { Ai } from '../../platform/ai/index.ts';
import type { InboxContent, InboxTargetRegistry } from '../../platform/capability/inbox-targets.ts';
import { isAboutOneself, type ParsedText, parseText } from '../../platform/nl/index.ts';

export interface Understood {
  /** The kind of the inbox target that claimed the line, or null when none did. */
  kind: string | null;
  content: InboxContent;
  /** A clock time no clock shows ("25:00"), to explain rather than guess. */
  invalidTime?: string;
  /** Only when and marks were said ("next tue 10am p1"): there is no title to put on a card. */
  untitled?: boolean;
  /** What the parser and the model read, to ask the next target when one passes the line on. */
  parsed: ParsedText;
  model: { intent: string } | null;
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
  // No fixed language: a line is read in the language it is written in, whatever the interface's.
  const parsed = parseText(text, { timezone: context.timezone, now: context.now });
  let model: { intent: string } | null = null;
  let title = parsed.title;
  let untitled = parsed.untitled === true;
  if (ai.describe().llm !== 'none') {
    const answer = await ai.understand(
      { text, timezone: context.timezone, now: context.now, language: context.language },
      { userId: context.userId, timezone: context.timezone, tellUser: true },
    );
    if (answer.source === 'model') {
      model = { intent: answer.value.intent };
      if (answer.value.title.trim()) {
        title = answer.value.title.trim();
        untitled = false;
      }
    }
  }
  // Offline, how someone feels is for the conversation (a model judges that itself).
  const feeling = model === null && isAboutOneself(text);
  return {
    ...(parsed.invalidTime && !parsed.dueAt ? { invalidTime: parsed.invalidTime } : {}),
    ...(untitled ? { untitled } : {}),
    kind: feeling ? null : (targets.choose(parsed, model)?.kind ?? null),
    parsed,
    model,
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
