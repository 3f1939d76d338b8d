import { useCallback, useState } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { haptic } from '../telegram.ts';
import { useLoad } from '../use-load.ts';
import { type CompanionAdminApi, HARD, STAGES } from './companion-admin-api.ts';
import type { CompanionWords } from './companion-words.ts';

/** The catalogue: what is there (with its stages), remove one, add one with a link and its stages. */
export function RecommendationsEditor(props: { calls: CompanionAdminApi; w: CompanionWords }) {
  const { t, notify } = useSession();
  const { calls, w } = props;
  const list = useLoad(useCallback(() => calls.recommendations(), [calls]));
  const [form, setForm] = useState({ title: '', url: '', stages: [] as string[] });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      setProblem(null);
      haptic('success');
      notify(done);
      await list.reload();
      return true;
    } catch (e) {
      haptic('error');
      setProblem(w('notSaved', { reason: e instanceof Error ? e.message : failure(e, t) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (form.stages.length === 0) return setProblem(w('pickStage'));
    if (await act(() => calls.addRecommendation({ ...form, title: form.title.trim() }), w('added')))
      setForm({ title: '', url: '', stages: [] });
  };
  const toggle = (stage: string) =>
    setForm({
      ...form,
      stages: form.stages.includes(stage) ? form.stages.filter((s) => s !== stage) : [...form.stages, stage],
    });

  return (
    <section data-section="recommendations">
      <h2>{w('recommendations')}</h2>
      <p className="hint">{w('recommendationsHint')}</p>
      {list.error !== null ? <p className="error">{failure(list.error, t)}</p> : null}
      {list.data?.length === 0 ? <p className="hint">{w('noRecommendations')}</p> : null}
      <ul className="list" data-list="recommendations">
        {(list.data ?? []).map((r) => (
          <li className="row" key={r.id} data-recommendation={r.title}>
            <div className="row-main">
              <span className="row-title">{r.title}</span>
              <span className="row-sub wrap">{r.url}</span>
              <span className="row-sub">{r.stages.map((s) => stageWord(s, w)).join(', ')}</span>
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="button small danger"
                disabled={busy}
                onClick={() => void act(() => calls.deleteRecommendation(r.id), w('removed'))}
              >
                {w('remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form className="form companion-form" data-form="recommendation" onSubmit={add}>
        <label className="field">
          <span className="field-label">{w('title')}</span>
          <input
            name="title"
            required
            maxLength={HARD.title}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{w('url')}</span>
          <input
            name="url"
            type="url"
            required
            pattern="https?://.+"
            value={form.url}
            onChange={(e) => setForm({ ...form, url: e.target.value })}
          />
        </label>
        <fieldset className="field">
          <legend className="field-label">{w('stages')}</legend>
          {STAGES.map((stage) => (
            <label className="row-line" key={stage}>
              <input
                type="checkbox"
                name={`stage-${stage}`}
                checked={form.stages.includes(stage)}
                onChange={() => toggle(stage)}
              />
              <span>{stageWord(stage, w)}</span>
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
            {w('add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A stage in words; one added to journey-stages.json later reads as its id. */
export function stageWord(stage: string, w: CompanionWords): string {
  return (STAGES as readonly string[]).includes(stage)
    ? w(`stage-${stage as (typeof STAGES)[number]}`)
    : stage.replace(/-/g, ' ');
}
