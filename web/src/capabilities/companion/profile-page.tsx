import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure, formatWhen } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { type Profile, profileApi } from './profile-api.ts';
import { ProfileForm } from './profile-form.tsx';
import { type ProfileWords, profileWords, stageName } from './profile-words.ts';

/** What the assistant knows about you; edit it (your words win) or erase it after a confirmation. */
export default function ProfilePage() {
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => profileWords(language), [language]);
  const profiles = useMemo(() => profileApi(api), [api]);
  const profile = useLoad(useCallback(() => profiles.get(), [profiles]));
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-erase'>('view');
  const [busy, setBusy] = useState(false);
  const [eraseError, setEraseError] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    try {
      await profiles.erase();
      notify(w('erased'));
      setMode('view');
      setEraseError(null);
      await profile.reload();
    } catch (e) {
      setEraseError(failure(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (profile.error !== null)
    return (
      <div className="notice">
        <p className="error">{failure(profile.error, t)}</p>
        <button type="button" className="button secondary" onClick={() => void profile.reload()}>
          {t('retry')}
        </button>
      </div>
    );
  const p = profile.data;
  if (!p) return <p className="hint">{t('loading')}</p>;
  if (mode === 'edit')
    return (
      <ProfileForm
        profile={p}
        profiles={profiles}
        w={w}
        done={(saved) => {
          setMode('view');
          if (saved) void profile.reload();
        }}
      />
    );
  const refreshed = p.edited_by_user
    ? w('editedByYou')
    : p.refreshed_at
      ? w('refreshedAt', { when: formatWhen(p.refreshed_at, language, user.timezone) })
      : w('neverRefreshed');
  return (
    <div data-profile={isEmpty(p) ? 'empty' : 'filled'}>
      <p className="hint">{w('intro')}</p>
      <ul className="list">
        <li className="row column" data-field="summary">
          <span className="row-sub">{w('summary')}</span>
          <span className="row-title profile-summary">{p.summary || w('empty')}</span>
        </li>
        <Items field="interests" label={w('interests')} items={p.interests} w={w} />
        <Items field="goals" label={w('goals')} items={p.goals} w={w} />
        <li className="row column" data-field="preferred_times">
          <span className="row-sub">{w('preferredTimes')}</span>
          <span className="row-title">{p.preferred_times || w('none')}</span>
        </li>
        <li className="row column" data-field="stage" data-stage={p.stage}>
          <span className="row-sub">{w('stage')}</span>
          <span className="row-title">{stageName(p.stage, w)}</span>
          <div
            className="progress journey-progress"
            role="progressbar"
            aria-label={w('progress', { percent: p.progress })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={p.progress}
          >
            <div className="progress-bar" style={{ width: `${p.progress}%` }} />
          </div>
          <span className="row-sub" data-field="progress">
            {w('progress', { percent: p.progress })}
          </span>
          <span className="row-title" data-field="progress_reason">
            {p.progress_reason || w('noProgress')}
          </span>
        </li>
      </ul>
      <p className="hint" data-field="refreshed">
        {refreshed}
      </p>
      {mode === 'confirm-erase' ? (
        <div className="confirm" role="alertdialog" aria-label={w('eraseQuestion')}>
          <p>{w('eraseQuestion')}</p>
          {eraseError ? <p className="error">{eraseError}</p> : null}
          <div className="row-actions">
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => {
                setMode('view');
                setEraseError(null);
              }}
            >
              {w('cancel')}
            </button>
            <button type="button" className="button danger" disabled={busy} onClick={() => void erase()}>
              {w('eraseConfirm')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row-actions">
          <button type="button" className="button danger" onClick={() => setMode('confirm-erase')}>
            {w('erase')}
          </button>
          <button type="button" className="button" onClick={() => setMode('edit')}>
            {w('edit')}
          </button>
        </div>
      )}
    </div>
  );
}

const isEmpty = (p: Profile) =>
  !p.summary && p.interests.length === 0 && p.goals.length === 0 && !p.preferred_times;

function Items(props: { field: string; label: string; items: readonly string[]; w: ProfileWords }) {
  return (
    <li className="row column" data-field={props.field}>
      <span className="row-sub">{props.label}</span>
      {props.items.length === 0 ? (
        <span className="row-title">{props.w('none')}</span>
      ) : (
        <ul className="profile-items">
          {props.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
