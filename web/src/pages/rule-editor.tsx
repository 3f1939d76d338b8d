import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, type Reminder, type RulePreview } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen, type Translate } from '../i18n.ts';
import { haptic } from '../telegram.ts';

/** A rule the server could not read is the user's typo, not a failure: its answer says what to type instead. */
function problemText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 422 && error.code?.startsWith('rule_'))
    return error.message;
  return failure(error, t);
}

/** The last answer, for the text it answers: while a newer text is being read, it is not shown. */
type State = { text: string } & ({ preview: RulePreview } | { error: string });

/**
 * A reminder's rule as editable words: starts from the stored rule, shows how each change is
 * understood (and the next 3 times) as the user types, and saves it only when understood.
 */
export function RuleEditor({ reminder, onDone }: { reminder: Reminder; onDone: (saved: boolean) => void }) {
  const { api, t, language, user, notify } = useSession();
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<State | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    api.reminderRule(reminder.id).then(
      (rule) => {
        setText(rule.rule);
        setState({ text: rule.rule, preview: rule });
      },
      (e: unknown) => setState({ text: '', error: problemText(e, t) }),
    );
  }, [api, reminder.id, t]);

  const type = (next: string) => {
    setText(next);
    const ask = ++asked.current;
    const line = next.trim();
    if (!line) {
      setState({ text: line, error: t('ruleEmpty') });
      return;
    }
    // A short pause before asking: one preview per word, not per key.
    setTimeout(() => {
      if (ask !== asked.current) return;
      api.rulePreview(line).then(
        (preview) => ask === asked.current && setState({ text: line, preview }),
        (e: unknown) => ask === asked.current && setState({ text: line, error: problemText(e, t) }),
      );
    }, 250);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!text?.trim()) return;
    setBusy(true);
    try {
      await api.setReminderRule(reminder.id, text.trim());
      haptic('success');
      notify(t('ruleSaved'));
      onDone(true);
    } catch (e) {
      haptic('error');
      const message = problemText(e, t);
      setState({ text: text.trim(), error: message });
      notify(message);
      setBusy(false);
    }
  };

  const cancel = (
    <button type="button" className="button small secondary" onClick={() => onDone(false)}>
      {t('cancel')}
    </button>
  );
  if (text === null)
    return state !== null && 'error' in state ? (
      <div className="rule-editor">
        <p className="error">{state.error}</p>
        <div className="row-actions">{cancel}</div>
      </div>
    ) : (
      <p className="hint">{t('loading')}</p>
    );
  const answer = state?.text === text.trim() ? state : null;
  // Understood, but with nothing ahead ("yesterday at 9"): saying so beats a refusal on Save.
  const ahead = answer !== null && 'preview' in answer && answer.preview.next.length > 0;
  return (
    <form className="rule-editor" onSubmit={save}>
      <input
        name="rule"
        value={text}
        maxLength={500}
        onChange={(e) => type(e.target.value)}
        aria-label={t('ruleLabel')}
        placeholder={t('rulePlaceholder')}
        disabled={busy}
      />
      {answer === null ? (
        <p className="hint">{t('ruleReading')}</p>
      ) : 'preview' in answer ? (
        <div className="rule-preview" data-preview="ok">
          <span>{t('ruleUnderstood', { rule: answer.preview.rule })}</span>
          {ahead ? (
            <ul>
              {answer.preview.next.map((at) => (
                <li key={at}>{formatWhen(at, language, user.timezone)}</li>
              ))}
            </ul>
          ) : (
            <p className="error">{t('ruleNothingAhead')}</p>
          )}
        </div>
      ) : (
        <p className="error" data-preview="error" role="alert">
          {answer.error}
        </p>
      )}
      <div className="row-actions">
        {cancel}
        <button type="submit" className="button small" disabled={busy || !ahead}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
