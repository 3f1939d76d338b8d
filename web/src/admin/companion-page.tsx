import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { haptic } from '../telegram.ts';
import { useLoad } from '../use-load.ts';
import { type CompanionSettings, companionAdminApi, HARD, TONES, TRIGGERS } from './companion-admin-api.ts';
import { EngagementTable } from './companion-engagement.tsx';
import { RecommendationsEditor } from './companion-recommendations.tsx';
import { type CompanionWords, companionWords } from './companion-words.ts';

/** 0, 1 or 2 a day: the hard limit is 2. */
const PER_DAY = Array.from({ length: HARD.perDay + 1 }, (_, n) => n);

/** The companion for admins: persona and check-in limits, the recommendations, engagement by week. */
export function CompanionPage() {
  const { api, t, language } = useSession();
  const w = useMemo(() => companionWords(language), [language]);
  const calls = useMemo(() => companionAdminApi(api), [api]);
  const settings = useLoad(useCallback(() => calls.settings(), [calls]));
  if (settings.error !== null) return <p className="error">{failure(settings.error, t)}</p>;
  if (!settings.data) return <p className="hint">{t('loading')}</p>;
  return (
    <div data-page="companion-admin">
      <SettingsForm initial={settings.data} w={w} save={calls.saveSettings} />
      <RecommendationsEditor calls={calls} w={w} />
      <EngagementTable calls={calls} w={w} />
    </div>
  );
}

function SettingsForm(props: {
  initial: CompanionSettings;
  w: CompanionWords;
  save: (s: CompanionSettings) => Promise<CompanionSettings>;
}) {
  const { t, notify } = useSession();
  const { w } = props;
  const [form, setForm] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const limits = (patch: Partial<CompanionSettings['limits']>) =>
    setForm({ ...form, limits: { ...form.limits, ...patch } });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setForm(await props.save(form));
      setProblem(null);
      haptic('success');
      notify(w('saved'));
    } catch (e) {
      haptic('error');
      setProblem(w('notSaved', { reason: e instanceof Error ? e.message : failure(e, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form companion-form" data-form="companion-settings" onSubmit={submit}>
      <h2>{w('persona')}</h2>
      <label className="field">
        <span className="field-label">{w('name')}</span>
        <input
          name="persona-name"
          required
          maxLength={HARD.name}
          value={form.persona.name}
          onChange={(e) => setForm({ ...form, persona: { ...form.persona, name: e.target.value } })}
        />
      </label>
      <label className="field">
        <span className="field-label">{w('tone')}</span>
        <select
          name="persona-tone"
          value={form.persona.tone}
          onChange={(e) =>
            setForm({
              ...form,
              persona: { ...form.persona, tone: e.target.value as CompanionSettings['persona']['tone'] },
            })
          }
        >
          {TONES.map((tone) => (
            <option key={tone} value={tone}>
              {w(`tone-${tone}`)}
            </option>
          ))}
        </select>
      </label>
      <h2>{w('limits')}</h2>
      <p className="hint">{w('limitsHint')}</p>
      <label className="field">
        <span className="field-label">{w('perDay')}</span>
        <select
          name="per-day"
          value={form.limits.per_day}
          onChange={(e) => limits({ per_day: Number(e.target.value) })}
        >
          {PER_DAY.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="row-line">
        <label className="field">
          <span className="field-label">{w('windowStart')}</span>
          <input
            type="time"
            name="window-start"
            min={HARD.from}
            max={HARD.to}
            value={form.limits.window_start}
            onChange={(e) => limits({ window_start: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{w('windowEnd')}</span>
          <input
            type="time"
            name="window-end"
            min={HARD.from}
            max={HARD.to}
            value={form.limits.window_end}
            onChange={(e) => limits({ window_end: e.target.value })}
          />
        </label>
      </div>
      <fieldset className="field">
        <legend className="field-label">{w('cooldown')}</legend>
        {TRIGGERS.map((trigger) => (
          <label className="row-line" key={trigger}>
            <span className="grow">{w(`trigger-${trigger}`)}</span>
            <input
              type="number"
              name={`cooldown-${trigger}`}
              className="narrow"
              min={0}
              max={HARD.cooldown}
              value={form.limits.cooldown_hours[trigger]}
              onChange={(e) =>
                limits({
                  cooldown_hours: { ...form.limits.cooldown_hours, [trigger]: Number(e.target.value) },
                })
              }
            />
          </label>
        ))}
      </fieldset>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button" disabled={busy}>
          {w('save')}
        </button>
      </div>
    </form>
  );
}
