import { useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import type { Location } from './booking-api.ts';
import { Field } from './service-form.tsx';
import { setupWords } from './setup-words.ts';

/** Whether the platform knows this IANA zone (a wrong one would put every slot at the wrong hour). */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export type LocationFields = { name: string; timezone: string; address: string | null };

/** A location's name, timezone and address (new, or one being edited). */
export function LocationForm(props: {
  location?: Location;
  save: (fields: LocationFields) => Promise<void>;
  close?: () => void;
}) {
  const { location: v } = props;
  const { language, t, user } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const [name, setName] = useState(v?.name ?? '');
  const [zone, setZone] = useState(v?.timezone ?? user.timezone);
  const [address, setAddress] = useState(v?.address ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (name.trim() === '') return setProblem(s('nameNeeded'));
    if (!knownZone(zone.trim())) return setProblem(s('badZone'));
    setBusy(true);
    setProblem(null);
    try {
      await props.save({ name: name.trim(), timezone: zone.trim(), address: address.trim() || null });
    } catch (e) {
      setProblem(failure(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="profile-form setup-form"
      data-form={v ? `location-${v.id}` : 'new-location'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field name="name" label={s('name')} value={name} set={setName} />
      <Field name="timezone" label={s('timezone')} value={zone} set={setZone} maxLength={64} />
      <Field name="address" label={s('address')} value={address} set={setAddress} maxLength={300} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="row-actions">
        {props.close && (
          <button type="button" className="button small secondary" onClick={props.close}>
            {s('close')}
          </button>
        )}
        <button type="submit" className="button small" data-action="save" disabled={busy}>
          {v ? s('save') : s('add')}
        </button>
      </div>
    </form>
  );
}
