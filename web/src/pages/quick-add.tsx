import { type FormEvent, useEffect, useState } from 'react';
import type { Parsed } from '../api.ts';
import { useSession } from '../context.ts';
import { formatWhen, ruleInWords } from '../i18n.ts';
import { useAction } from '../use-action.ts';

/**
 * A task for a day without a time is due by the end of that day (as in the bot), not at the
 * parser's 09:00 — said in the afternoon, that would be overdue at once. `due_at` is in the user's
 * zone ("2026-12-07T09:00:00+03:00"): keep its date and offset, make it 23:59.
 */
function taskDue(parsed: Parsed): string | null {
  const m = parsed.all_day
    ? /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.exec(parsed.due_at ?? '')
    : null;
  return m ? `${m[1]}T23:59:00${m[2]}` : parsed.due_at;
}

/** What the bot's parser made of the line, as the card it will become. */
function CardPreview({ parsed, fallback }: { parsed: Parsed; fallback: string }) {
  const { t, language, user } = useSession();
  const reminder = parsed.intent === 'reminder' && (parsed.due_at || parsed.rrule);
  const facts = [
    parsed.due_at
      ? formatWhen((reminder ? parsed.due_at : taskDue(parsed)) ?? '', language, user.timezone)
      : t('noDue'),
    parsed.rrule ? ruleInWords(parsed.rrule, t) : null,
    parsed.priority !== 'normal' ? t(`priority_${parsed.priority}`) : null,
    parsed.course ? t('courseIs', { name: parsed.course }) : null,
    parsed.category ? `#${parsed.category}` : null,
  ].filter(Boolean);
  return (
    <div className="card-preview" data-preview={reminder ? 'reminder' : 'task'} aria-live="polite">
      <span className="row-sub">{reminder ? t('willRemind') : t('willAddTask')}</span>
      <span className="row-title">{parsed.title || fallback}</span>
      <span className="row-sub">{facts.join(' · ')}</span>
    </div>
  );
}

/** One line of free text that becomes a task or a reminder (the bot's parser), previewed before adding. */
export function QuickAdd({ onAdded }: { onAdded: () => void }) {
  const { api, t } = useSession();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<{ text: string; result: Parsed } | null>(null);
  const { busy, run } = useAction();
  const line = text.trim();

  useEffect(() => {
    if (!line) return;
    let current = true;
    // Ask once the typing pauses, and only keep the answer for what is still in the box.
    const timer = setTimeout(() => {
      api.parse(line).then(
        (result) => current && setParsed({ text: line, result }),
        () => current && setParsed(null),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, line]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!line) return;
    await run(async () => {
      const result = parsed?.text === line ? parsed.result : await api.parse(line);
      if (result.intent === 'reminder' && (result.due_at || result.rrule)) {
        await api.createReminder({ text: result.title, due_at: result.due_at, rrule: result.rrule });
      } else {
        await api.createTask({
          title: result.title || line,
          due_at: taskDue(result),
          priority: result.priority,
          ...(result.category ? { category: result.category } : {}),
          ...(result.course ? { course: result.course } : {}),
        });
      }
      setText('');
      setParsed(null);
      onAdded();
      return t('added', { title: result.title || line });
    });
  };

  return (
    <>
      <form className="quick-add" onSubmit={add}>
        <input
          name="quick-add"
          value={text}
          maxLength={1000}
          placeholder={t('quickAddPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          disabled={busy}
          aria-label={t('add')}
        />
        <button type="submit" className="button" disabled={busy || !line}>
          {busy ? t('adding') : t('add')}
        </button>
      </form>
      {line && parsed?.text === line ? <CardPreview parsed={parsed.result} fallback={line} /> : null}
    </>
  );
}
