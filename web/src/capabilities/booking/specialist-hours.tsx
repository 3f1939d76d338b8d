import { useEffect, useMemo, useRef, useState } from 'react';
import type { Language } from '../../api.ts';
import type { components } from '../../api-types.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { type Salon, type Specialist, setupApi } from './booking-api.ts';
import { Field } from './service-form.tsx';
import { type SetupWords, setupWords } from './setup-words.ts';

/** One weekday's row as typed: times "HH:MM" ("" when empty). */
interface Day {
  off: boolean;
  start: string;
  end: string;
  breakStart: string;
  breakEnd: string;
}
type Weekly = components['schemas']['BookingHours']['weekly'];

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const offDay = (): Day => ({ off: true, start: '', end: '', breakStart: '', breakEnd: '' });
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Monday is 1 (ISO), named in the person's language: 5 January 1970 was a Monday. */
export const weekdayName = (weekday: number, language: Language) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(1970, 0, 4 + weekday)),
  );

/** The week as the API takes it (days off left out), or the first thing to fix in the person's words. */
export function weeklyOf(
  days: readonly Day[],
  s: SetupWords,
  language: Language,
): { weekly: Weekly } | { problem: string } {
  const weekly: Weekly = [];
  for (const [i, d] of days.entries()) {
    if (d.off) continue;
    const day = weekdayName(i + 1, language);
    if (!HHMM.test(d.start) || !HHMM.test(d.end) || d.start >= d.end)
      return { problem: s('badDay', { day }) };
    const noBreak = d.breakStart === '' && d.breakEnd === '';
    if (
      !noBreak &&
      (!HHMM.test(d.breakStart) ||
        !HHMM.test(d.breakEnd) ||
        d.breakStart >= d.breakEnd ||
        d.breakStart <= d.start ||
        d.breakEnd >= d.end)
    )
      return { problem: s('badBreak', { day }) };
    weekly.push({
      weekday: i + 1,
      start: d.start,
      end: d.end,
      breaks: noBreak ? [] : [{ start: d.breakStart, end: d.breakEnd }],
    });
  }
  return { weekly };
}

/** The saved week as the form's rows (a weekday not in it is a day off; the first break shown). */
export function daysOf(weekly: Weekly): Day[] {
  return WEEKDAYS.map((weekday) => {
    const d = weekly.find((w) => w.weekday === weekday);
    if (!d) return offDay();
    const pause = d.breaks?.[0];
    return {
      off: false,
      start: d.start,
      end: d.end,
      breakStart: pause?.start ?? '',
      breakEnd: pause?.end ?? '',
    };
  });
}

/**
 * A specialist's weekly working hours at one location: seven weekday rows (from–to, a day off, one
 * optional break), loaded as saved; saving replaces the week at that location.
 */
export function HoursEditor(props: { salon: Salon; specialist: Specialist }) {
  const { api, t, language, notify } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const setup = useMemo(() => setupApi(api), [api]);
  const [locationId, setLocationId] = useState(props.salon.locations[0]?.id ?? '');
  const [days, setDays] = useState<Day[]>(() => WEEKDAYS.map(offDay));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The week as saved; the rows stay disabled until it is here, so nothing typed is overwritten.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!locationId) return;
    let live = true;
    setLoaded(false);
    setup
      .hours(props.specialist.id, locationId)
      .then((saved) => {
        if (live) setDays(daysOf(saved.weekly));
      })
      .catch((e) => {
        if (live) setProblem(failure(e, t));
      })
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [setup, props.specialist.id, locationId, t]);
  if (props.salon.locations.length === 0) return <p className="hint">{s('offersNone')}</p>;
  const set = (i: number, change: Partial<Day>) =>
    setDays((all) => all.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const save = async () => {
    const read = weeklyOf(days, s, language);
    if ('problem' in read) return setProblem(read.problem);
    setProblem(null);
    setBusy(true);
    try {
      await setup.setHours(props.specialist.id, { location_id: locationId, weekly: read.weekly });
      const location = props.salon.locations.find((l) => l.id === locationId)?.name ?? '';
      notify(s('hoursSaved', { name: props.specialist.name, location }));
    } catch (e) {
      setProblem(failure(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="hours-editor"
      data-form={`hours-${props.specialist.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{s('hours')}</h3>
      <p className="hint">{s('hoursHint')}</p>
      {props.salon.locations.length > 1 && (
        <label className="field">
          <span className="field-label">{s('hoursAt')}</span>
          <select name="location" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            {props.salon.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {days.map((d, i) => (
        <fieldset key={WEEKDAYS[i]} className="hours-day" data-weekday={i + 1} disabled={!loaded}>
          <legend>{weekdayName(i + 1, language)}</legend>
          <label className="check">
            <input
              type="checkbox"
              name="off"
              checked={d.off}
              onChange={(e) =>
                set(
                  i,
                  e.target.checked
                    ? { off: true }
                    : { off: false, start: d.start || '09:00', end: d.end || '18:00' },
                )
              }
            />{' '}
            {s('dayOff')}
          </label>
          {!d.off && (
            <div className="hours-times">
              <TimeField name="start" label={s('from')} value={d.start} set={(v) => set(i, { start: v })} />
              <TimeField name="end" label={s('to')} value={d.end} set={(v) => set(i, { end: v })} />
              <TimeField
                name="break-start"
                label={s('breakFrom')}
                value={d.breakStart}
                set={(v) => set(i, { breakStart: v })}
              />
              <TimeField
                name="break-end"
                label={s('breakTo')}
                value={d.breakEnd}
                set={(v) => set(i, { breakEnd: v })}
              />
            </div>
          )}
        </fieldset>
      ))}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button small" data-action="save-hours" disabled={busy || !loaded}>
        {s('save')}
      </button>
    </form>
  );
}

function TimeField(props: { name: string; label: string; value: string; set: (v: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input type="time" name={props.name} value={props.value} onChange={(e) => props.set(e.target.value)} />
    </label>
  );
}

/** "Invite a specialist": their name, then a one-time link to pass on, with Copy and when it expires. */
export function InviteSpecialist() {
  const { api, t, language, notify } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const setup = useMemo(() => setupApi(api), [api]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<{ url: string; expires_at: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const link = useRef<HTMLInputElement>(null);
  if (!open)
    return (
      <button type="button" className="link" data-action="invite-specialist" onClick={() => setOpen(true)}>
        + {s('invite')}
      </button>
    );
  const make = async () => {
    if (name.trim() === '') return setProblem(s('nameNeeded'));
    setProblem(null);
    try {
      setInvite(await setup.invite(name.trim()));
    } catch (e) {
      setProblem(failure(e, t));
    }
  };
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <div className="invite" data-form="invite-specialist">
      {invite === null ? (
        <form
          className="quick-add"
          onSubmit={(e) => {
            e.preventDefault();
            void make();
          }}
        >
          <Field name="name" label={s('inviteName')} value={name} set={setName} maxLength={100} />
          <button type="submit" className="button small" data-action="make-invite">
            {s('inviteMake')}
          </button>
        </form>
      ) : (
        <>
          <p className="hint">{s('inviteHint')}</p>
          <input ref={link} readOnly name="invite-url" value={invite.url} aria-label={s('invite')} />
          <p className="hint" data-expires={invite.expires_at}>
            {s('inviteExpires', { when: when(invite.expires_at) })}
          </p>
          <div className="row-actions">
            <button
              type="button"
              className="button small secondary"
              data-action="copy-invite"
              onClick={() =>
                navigator.clipboard?.writeText(invite.url).then(
                  () => notify(s('copied')),
                  () => link.current?.select(),
                )
              }
            >
              {s('copy')}
            </button>
            <button
              type="button"
              className="button small secondary"
              onClick={() => {
                setOpen(false);
                setInvite(null);
                setName('');
              }}
            >
              {s('close')}
            </button>
          </div>
        </>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
