import type { BotContext } from '../../bot/bot-context.ts';
import type { Tx } from '../db/database.ts';
import type { ParsedText } from '../nl/parsed-text.ts';

/** What the smart inbox understood and a target stores; dates as ISO strings so it round-trips as JSON. */
export interface InboxContent {
  title: string;
  dueAt: string | null;
  allDay: boolean;
  rrule: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  category: string | null;
  course: string | null;
}

/** How sure a target is that a line is for it (0–1); null = not for me. */
export type InboxClaim = number | null;

/**
 * Somewhere the smart inbox may file a line: tasks, reminders, notes, bookings, chat. Targets are
 * asked in `order`; the highest claim wins (ties: lower order). Card texts are Fluent keys of the
 * contributing capability: `cardKey` ({ $title }), `savedKey` ({ $title }, { $when }), `switchKey`.
 */
export interface InboxTarget {
  /** Unique, short (it is stored with drafts and travels in callback data): `task`, `note`. */
  kind: string;
  order: number;
  cardKey: string;
  savedKey: string;
  switchKey: string;
  /** A card for this target cannot be saved without a time (reminders). */
  needsTime?: boolean;
  /**
   * Keeps the line exactly as written and reads nothing out of it (notes): the card and `save` get
   * the person's words as the title, with no date, schedule, priority or tag.
   */
  verbatim?: boolean;
  claim(parsed: ParsedText, model: { intent: string } | null): InboxClaim;
  save(userId: string, content: InboxContent, tx: Tx): Promise<{ id: string }>;
  /**
   * A target that answers with a card of its own instead of the inbox's save card (bookings: the
   * first free times to tap). False when it has nothing to offer (no business set up): the line
   * then goes to the next target that claims it. Such a target is never the card's "it's a …" swap.
   */
  respond?(ctx: BotContext, line: InboxLine): Promise<boolean>;
}

/** What a responding target gets: the words as typed and what the parser read from them. */
export interface InboxLine {
  text: string;
  parsed: ParsedText;
}

/** The card keys of a capability that follows the naming: `<prefix>-inbox-card|saved|switch`. */
export const inboxKeys = (prefix: string) => ({
  cardKey: `${prefix}-inbox-card`,
  savedKey: `${prefix}-inbox-saved`,
  switchKey: `${prefix}-inbox-switch`,
});

/** A claim by intent: sure when the model (if it answered) or else the parser names this intent. */
export const claimsIntent =
  (intent: string): InboxTarget['claim'] =>
  (parsed, model) =>
    (model?.intent ?? parsed.intent) === intent ? 1 : null;

export interface InboxTargetRegistry {
  targets(): readonly InboxTarget[];
  get(kind: string): InboxTarget | undefined;
  /** The best target for a line, or null when none claims it (`skip`: kinds that passed it on). */
  choose(
    parsed: ParsedText,
    model: { intent: string } | null,
    skip?: ReadonlySet<string>,
  ): InboxTarget | null;
  /** The target after `kind` (wrapping), for the card's "it's a …" button. */
  next(kind: string): InboxTarget | undefined;
}

/**
 * The registry is handed to capabilities before every capability is built (the smart inbox is
 * one of them); the system fills it once all are, so targets are read only when a message comes.
 */
export function createInboxTargetRegistry(): InboxTargetRegistry & {
  fill(targets: readonly InboxTarget[]): void;
} {
  let sorted: InboxTarget[] = [];
  return {
    fill(targets) {
      const kinds = new Set<string>();
      for (const target of targets) {
        if (kinds.has(target.kind)) throw new Error(`Inbox target "${target.kind}" is contributed twice`);
        kinds.add(target.kind);
      }
      sorted = [...targets].sort((a, b) => a.order - b.order);
    },
    targets: () => sorted,
    get: (kind) => sorted.find((t) => t.kind === kind),
    choose(parsed, model, skip) {
      let best: { target: InboxTarget; confidence: number } | null = null;
      for (const target of sorted) {
        if (skip?.has(target.kind)) continue;
        const confidence = target.claim(parsed, model);
        if (confidence !== null && confidence > 0 && (!best || confidence > best.confidence))
          best = { target, confidence };
      }
      return best?.target ?? null;
    },
    next(kind) {
      // A card swaps among the targets that save what it shows (not those answering on their own).
      const saving = sorted.filter((t) => !t.respond);
      const other = saving[(saving.findIndex((t) => t.kind === kind) + 1) % saving.length];
      return other && other.kind !== kind ? other : undefined;
    },
  };
}
