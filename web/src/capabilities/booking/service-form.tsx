import { useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import type { Service, ServiceFields } from './booking-api.ts';
import { centsOf, priceInput } from './booking-price.ts';
import { ChoiceChips } from './choice-chips.tsx';
import { type SetupWords, setupWords } from './setup-words.ts';

type Confirmation = ServiceFields['requires_confirmation'];
const CONFIRMATIONS: readonly Confirmation[] = ['never', 'always', 'below_notice'];

/** One labelled input of a setup form. */
export function Field(props: {
  name: string;
  label: string;
  value: string;
  set: (value: string) => void;
  numeric?: boolean;
  maxLength?: number;
}) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        name={props.name}
        value={props.value}
        inputMode={props.numeric ? 'decimal' : undefined}
        maxLength={props.maxLength ?? 120}
        onChange={(e) => props.set(e.target.value)}
      />
    </label>
  );
}

const hoursOf = (minutes: number | undefined) => String((minutes ?? 0) / 60);

/** The form's text as the API's fields, or the first thing to fix in the person's words. */
function read(
  f: Record<string, string>,
  confirmation: Confirmation,
  s: SetupWords,
): { fields: ServiceFields } | { fix: string } {
  const whole = (text: string, min: number, max: number) =>
    /^\d{1,6}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max ? Number(text) : null;
  const hours = (text: string) => {
    const n = Number(text.trim().replace(',', '.'));
    return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 8760 ? Math.round(n * 60) : null;
  };
  const name = f.name?.trim() ?? '';
  if (name === '') return { fix: s('nameNeeded') };
  const duration = whole(f.duration ?? '', 15, 720);
  if (duration === null || duration % 15 !== 0) return { fix: s('badDuration') };
  const price = (f.price ?? '').trim() === '' ? null : centsOf(f.price ?? '');
  if ((f.price ?? '').trim() !== '' && price === null) return { fix: s('badPrice') };
  const before = whole(f.before ?? '', 0, 240);
  if (before === null) return { fix: s('badMinutes', { field: s('bufferBefore') }) };
  const after = whole(f.after ?? '', 0, 240);
  if (after === null) return { fix: s('badMinutes', { field: s('bufferAfter') }) };
  const notice = hours(f.notice ?? '');
  if (notice === null) return { fix: s('badHours', { field: s('minNotice') }) };
  const days = whole(f.days ?? '', 1, 366);
  if (days === null) return { fix: s('badDays', { field: s('daysAhead') }) };
  const cutoff = hours(f.cutoff ?? '');
  if (cutoff === null) return { fix: s('badHours', { field: s('cancelCutoff') }) };
  const fields: ServiceFields = {
    name,
    duration_minutes: duration,
    price_cents: price,
    buffer_before_minutes: before,
    buffer_after_minutes: after,
    min_notice_minutes: notice,
    max_days_ahead: days,
    requires_confirmation: confirmation,
    cancel_cutoff_minutes: cutoff,
  };
  return { fields };
}

/** Every field of a service (new, or one being edited); Save hands the checked fields on. */
export function ServiceForm(props: {
  service?: Service;
  currency: string | null;
  /** All fields of a new service; of one being edited, only those that changed. */
  save: (fields: Partial<ServiceFields>) => Promise<void>;
  close?: () => void;
}) {
  const { service: v } = props;
  const { language, t } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const [start] = useState<Record<string, string>>(() => ({
    name: v?.name ?? '',
    duration: String(v?.duration_minutes ?? 60),
    price: priceInput(v?.price_cents ?? null),
    before: String(v?.buffer_before_minutes ?? 0),
    after: String(v?.buffer_after_minutes ?? 0),
    notice: hoursOf(v?.min_notice_minutes ?? 60),
    days: String(v?.max_days_ahead ?? 60),
    cutoff: hoursOf(v?.cancel_cutoff_minutes ?? 120),
  }));
  const [f, setF] = useState(start);
  const initial = v?.requires_confirmation ?? 'never';
  const [confirmation, setConfirmation] = useState<Confirmation>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: string, label: string, numeric = true) => (
    <Field
      name={key}
      label={label}
      numeric={numeric}
      value={f[key] ?? ''}
      set={(value) => setF((old) => ({ ...old, [key]: value }))}
    />
  );
  const submit = async () => {
    const answer = read(f, confirmation, s);
    if ('fix' in answer) return setProblem(answer.fix);
    const before = read(start, initial, s);
    const changed =
      v && 'fields' in before
        ? Object.fromEntries(
            Object.entries(answer.fields).filter(
              ([key, value]) => before.fields[key as keyof ServiceFields] !== value,
            ),
          )
        : answer.fields;
    setBusy(true);
    setProblem(null);
    try {
      await props.save(changed);
    } catch (e) {
      setProblem(failure(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="profile-form setup-form"
      data-form={v ? `service-${v.id}` : 'new-service'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {field('name', s('name'), false)}
      {field('duration', s('duration'))}
      {field('price', props.currency ? s('priceIn', { currency: props.currency }) : s('price'))}
      {field('before', s('bufferBefore'))}
      {field('after', s('bufferAfter'))}
      {field('notice', s('minNotice'))}
      {field('days', s('daysAhead'))}
      {field('cutoff', s('cancelCutoff'))}
      <ChoiceChips<Confirmation>
        step="confirmation"
        title={s('confirmation')}
        items={CONFIRMATIONS}
        idOf={(c) => c}
        labelOf={(c) => s(`confirm_${c}`)}
        selected={confirmation}
        pick={setConfirmation}
      />
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
