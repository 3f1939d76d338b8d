import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, type Reminder, type RulePreview } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen, type Translate } from '../i18n.ts';
import { haptic } from '../telegram.ts';

/** The server's "not understood" is the user's typo, not a failure: say what to type instead. */
function problemText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.code === 'rule_not_understood') return t('ruleNotUnderstood');
  return failure(error, t);
}

type State = { preview: RulePreview } | { error: string } | null;

/**
 * A reminder's rule as editable words: starts from the stored rule, shows how each change is
 * understood (and the next 3 times) as the user types, and saves it only when understood.
 */
export function RuleEditor({ reminder, onDone }: { reminder: Reminder; onDone: (saved: boolean) => void }) {
  const { api, t, language, user, notify } = useSession();
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<State>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    api.reminderRule(reminder.id).then(
      (rule) => {
        setText(rule.rule);
        setState({ preview: rule });
      },
      (e: unknown) => setState({ error: problemText(e, t) }),
    );
  }, [api, reminder.id, t]);

  const type = (next: string) => {
    setText(next);
    const ask = ++asked.current;
    if (!next.trim()) {
      setState({ error: t('ruleEmpty') });
      return;
    }
    // A short pause before asking: one preview per word, not per key.
    setTimeout(() => {
      if (ask !== asked.current) return;
      api.rulePreview(next.trim()).then(
        (preview) => ask === asked.current && setState({ preview }),
        (e: unknown) => ask === asked.current && setState({ error: problemText(e, t) }),
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
      setState({ error: message });
      notify(message);
      setBusy(false);
    }
  };

  if (text === null)
    return state && 'error' in state ? (
      <p className="error">{state.error}</p>
    ) : (
      <p className="hint">{t('loading')}</p>
    );
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
      {state && 'preview' in state ? (
        <div className="rule-preview" data-preview="ok">
          <span>{t('ruleUnderstood', { rule: state.preview.rule })}</span>
          <ul>
            {state.preview.next.map((at) => (
              <li key={at}>{formatWhen(at, language, user.timezone)}</li>
            ))}
          </ul>
        </div>
      ) : state ? (
        <p className="error" data-preview="error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="button" className="button small secondary" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
        <button type="submit" className="button small" disabled={busy || !state || 'error' in state}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
