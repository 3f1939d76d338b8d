import { useCallback, useState } from 'react';
import type { Language, Reminder } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen, ruleInWords } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import { RuleEditor } from './rule-editor.tsx';

/** "14:32" today, the day and time otherwise (the bot's list words it the same way). */
function snoozedTime(iso: string, language: Language, timeZone: string): string {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  if (day(new Date(iso)) !== day(new Date())) return formatWhen(iso, language, timeZone);
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** Every reminder with its rule in words and its next time; edit the rule, pause, resume or delete one. */
export function RemindersPage() {
  const { api, t, language, user, notify } = useSession();
  const load = useCallback(() => api.reminders(), [api]);
  const { data, error, reload } = useLoad(load);
  const [editing, setEditing] = useState<string | null>(null);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      await reload();
    } catch (e) {
      notify(failure(e, t));
    }
  };
  const remove = (reminder: Reminder) => {
    if (window.confirm(t('confirmDelete', { text: reminder.text })))
      void act(() => api.deleteReminder(reminder.id));
  };

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  if (data.length === 0) return <p className="hint">{t('remindersEmpty')}</p>;
  return (
    <ul className="list" data-list="reminders">
      {data.map((r) => (
        <li className={editing === r.id ? 'row column' : 'row'} key={r.id} data-reminder-id={r.id}>
          <div className="row-main">
            <span className="row-title">{r.text}</span>
            <span className="row-sub">
              {ruleInWords(r.rrule, t)}
              {r.status === 'paused' ? ` · ${t('paused')}` : null}
              {/* A snoozed one-off has ended as a series but still goes off: say when, as the bot does. */}
              {r.snoozed_until
                ? ` · ${t('snoozedUntil', { time: snoozedTime(r.snoozed_until, language, user.timezone) })}`
                : r.status === 'ended'
                  ? ` · ${t('ended')}`
                  : null}
              {r.next_at ? ` · ${t('next', { when: formatWhen(r.next_at, language, user.timezone) })}` : null}
            </span>
          </div>
          {editing === r.id ? (
            <RuleEditor
              reminder={r}
              onDone={(saved) => {
                setEditing(null);
                if (saved) void reload();
              }}
            />
          ) : (
            <div className="row-actions">
              <button type="button" className="button small secondary" onClick={() => setEditing(r.id)}>
                {t('edit')}
              </button>
              {r.status !== 'ended' && (
                <button
                  type="button"
                  className="button small secondary"
                  onClick={() =>
                    act(() => api.reminderAction(r.id, r.status === 'paused' ? 'resume' : 'pause'))
                  }
                >
                  {r.status === 'paused' ? t('resume') : t('pause')}
                </button>
              )}
              <button type="button" className="button small danger" onClick={() => remove(r)}>
                {t('delete')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
