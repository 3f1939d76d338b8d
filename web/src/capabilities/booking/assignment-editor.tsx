import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { type Assignment, type Salon, type Specialist, setupApi } from './booking-api.ts';
import { setupWords } from './setup-words.ts';

const keyOf = (a: Assignment) => `${a.service_id}@${a.location_id}`;

/**
 * Which services a specialist takes bookings for at which location: a tick box per service and
 * location (one column per location), saved together.
 */
export function AssignmentEditor(props: { salon: Salon; specialist: Specialist; close: () => void }) {
  const { salon, specialist } = props;
  const { api, t, language, notify } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const setup = useMemo(() => setupApi(api), [api]);
  const current = useLoad(useCallback(() => setup.assignments(specialist.id), [setup, specialist.id]));
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = ticked ?? new Set((current.data ?? []).map(keyOf));

  if (current.error !== null) return <p className="error">{failure(current.error, t)}</p>;
  if (!current.data) return <p className="hint">{t('loading')}</p>;
  if (salon.services.length === 0 || salon.locations.length === 0)
    return <p className="hint">{s('offersNone')}</p>;
  const toggle = (key: string) => {
    const next = new Set(shown);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setTicked(next);
  };
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const assignments = salon.services.flatMap((service) =>
        salon.locations
          .filter((l) => shown.has(`${service.id}@${l.id}`))
          .map((l) => ({ service_id: service.id, location_id: l.id })),
      );
      const saved = await setup.setAssignments(specialist.id, assignments);
      notify(s('offersSaved', { name: specialist.name, n: saved.length }));
      props.close();
    } catch (e) {
      setProblem(failure(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="assignments" data-assignments={specialist.id}>
      <p className="row-sub">{s('offersHint')}</p>
      <div className="matrix-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">{s('services')}</th>
              {salon.locations.map((l) => (
                <th key={l.id} scope="col">
                  {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {salon.services.map((service) => (
              <tr key={service.id}>
                <th scope="row">{service.name}</th>
                {salon.locations.map((l) => {
                  const key = `${service.id}@${l.id}`;
                  return (
                    <td key={l.id}>
                      <input
                        type="checkbox"
                        data-service-id={service.id}
                        data-location-id={l.id}
                        aria-label={`${service.name} · ${l.name}`}
                        checked={shown.has(key)}
                        onChange={() => toggle(key)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="button small secondary" onClick={props.close}>
          {s('close')}
        </button>
        <button
          type="button"
          className="button small"
          data-action="save-offers"
          disabled={busy}
          onClick={save}
        >
          {s('save')}
        </button>
      </div>
    </div>
  );
}
