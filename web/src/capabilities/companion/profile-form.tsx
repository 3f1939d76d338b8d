import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { LIMITS, type Profile, type ProfileApi, type ProfileEdit } from './profile-api.ts';
import { cleanEdit, fieldsInProblem, type ProfileField } from './profile-fields.ts';
import type { ProfileWords } from './profile-words.ts';

/** The edit form: summary, interests and goals as lists, preferred times; PUT on save. */
export function ProfileForm(props: {
  profile: Profile;
  profiles: ProfileApi;
  w: ProfileWords;
  done: (saved: Profile | null) => void;
}) {
  const { profiles, w, done } = props;
  const { t, notify } = useSession();
  const [form, setForm] = useState<ProfileEdit>({
    summary: props.profile.summary,
    interests: props.profile.interests,
    goals: props.profile.goals,
    preferred_times: props.profile.preferred_times,
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; fields: ProfileField[] } | null>(null);
  const set = (patch: Partial<ProfileEdit>) => setForm((f) => ({ ...f, ...patch }));
  const bad = (field: ProfileField) => problem?.fields.includes(field) ?? false;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await profiles.edit(cleanEdit(form));
      notify(w('saved'));
      done(saved);
    } catch (error) {
      const fields = error instanceof ApiError && error.status === 400 ? fieldsInProblem(error.message) : [];
      setProblem({ text: fields.length > 0 ? w('fixBelow') : failure(error, t), fields });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="profile-form" onSubmit={submit} data-form="profile">
      <label className="field">
        <span className="field-label">{w('summary')}</span>
        <textarea
          name="summary"
          rows={5}
          maxLength={LIMITS.summary}
          value={form.summary}
          placeholder={w('summaryPlaceholder')}
          aria-invalid={bad('summary')}
          onChange={(e) => set({ summary: e.target.value })}
        />
        {bad('summary') ? <span className="error">{w('fixSummary', { max: LIMITS.summary })}</span> : null}
      </label>
      <ListEditor
        name="interests"
        label={w('interests')}
        items={form.interests}
        limit={LIMITS.interests}
        placeholder={w('interestPlaceholder')}
        add={w('addInterest')}
        fix={bad('interests') ? w('fixInterests', LIMITS.interests) : null}
        change={(interests) => set({ interests })}
        w={w}
      />
      <ListEditor
        name="goals"
        label={w('goals')}
        items={form.goals}
        limit={LIMITS.goals}
        placeholder={w('goalPlaceholder')}
        add={w('addGoal')}
        fix={bad('goals') ? w('fixGoals', LIMITS.goals) : null}
        change={(goals) => set({ goals })}
        w={w}
      />
      <label className="field">
        <span className="field-label">{w('preferredTimes')}</span>
        <input
          name="preferred_times"
          maxLength={LIMITS.preferred_times}
          value={form.preferred_times}
          placeholder={w('timesPlaceholder')}
          aria-invalid={bad('preferred_times')}
          onChange={(e) => set({ preferred_times: e.target.value })}
        />
        {bad('preferred_times') ? (
          <span className="error">{w('fixTimes', { max: LIMITS.preferred_times })}</span>
        ) : null}
      </label>
      {problem ? (
        <p className="error" role="alert">
          {problem.text}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="button" className="button secondary" onClick={() => done(null)} disabled={busy}>
          {w('cancel')}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? w('saving') : w('save')}
        </button>
      </div>
    </form>
  );
}

/** A list as one input per item, a remove button each and an add button up to the server's limit. */
function ListEditor(props: {
  name: string;
  label: string;
  items: readonly string[];
  limit: { items: number; length: number };
  placeholder: string;
  add: string;
  fix: string | null;
  change: (items: string[]) => void;
  w: ProfileWords;
}) {
  const { items, limit, change, w } = props;
  return (
    <fieldset className="field list-editor" data-list-editor={props.name} aria-invalid={props.fix !== null}>
      <legend className="field-label">{props.label}</legend>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the items are plain strings being typed; position is their identity.
        <div className="row-line" key={i}>
          <input
            name={`${props.name}-${i}`}
            value={item}
            maxLength={limit.length}
            placeholder={props.placeholder}
            aria-label={`${props.label} ${i + 1}`}
            onChange={(e) => change(items.map((old, j) => (j === i ? e.target.value : old)))}
          />
          <button
            type="button"
            className="button danger small"
            aria-label={w('remove', { item })}
            onClick={() => change(items.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      {items.length < limit.items ? (
        <button type="button" className="link" onClick={() => change([...items, ''])}>
          + {props.add}
        </button>
      ) : null}
      <span className="row-sub">{w('listLimit', limit)}</span>
      {props.fix ? <span className="error">{props.fix}</span> : null}
    </fieldset>
  );
}
