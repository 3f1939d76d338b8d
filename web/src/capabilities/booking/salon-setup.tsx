import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { AssignmentEditor } from './assignment-editor.tsx';
import { type Salon, type Service, type Specialist, setupApi } from './booking-api.ts';
import { priceLabel } from './booking-price.ts';
import { LocationForm } from './location-form.tsx';
import { Field, ServiceForm } from './service-form.tsx';
import { SetupItem } from './setup-item.tsx';
import { setupWords } from './setup-words.ts';
import { HoursEditor, InviteSpecialist } from './specialist-hours.tsx';

type Kind = 'locations' | 'services' | 'specialists';

/**
 * The salon's setup: the currency of prices; services, locations and specialists, each editable
 * and removable (archived when bookings name it); which specialist does what where.
 */
export function SalonSetup(props: { salon: Salon; changed: () => Promise<void> }) {
  const { salon } = props;
  const { api, t, language, notify } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const setup = useMemo(() => setupApi(api), [api]);
  const business = useLoad(useCallback(() => setup.business(), [setup]));
  const currency = business.data?.currency ?? null;
  const [adding, setAdding] = useState<Kind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  /** Runs a change, says what happened (or what went wrong) and reloads the setup. */
  const change = async (work: () => Promise<string>) => {
    setProblem(null);
    try {
      notify(await work());
    } catch (e) {
      setProblem(failure(e, t));
    }
    await props.changed();
  };
  const remove = (kind: Kind, id: string, name: string) =>
    change(async () =>
      (await setup.remove(kind, id)) === 'archived' ? s('archived', { name }) : s('removed', { name }),
    );
  const serviceSub = (v: Service) =>
    [
      s('minutes', { n: v.duration_minutes }),
      v.price_cents === null ? s('free') : priceLabel(v.price_cents, v.currency ?? currency, language),
    ].join(' · ');
  const addButton = (kind: Kind, label: string) =>
    adding !== kind && (
      <button type="button" className="link" data-action={`add-${kind}`} onClick={() => setAdding(kind)}>
        + {label}
      </button>
    );

  return (
    <div className="salon-setup">
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <CurrencyEditor current={currency} saved={business.reload} />

      <h2>{s('services')}</h2>
      {salon.services.length === 0 && <p className="hint">{s('noServices')}</p>}
      <ul className="list" data-list="services">
        {salon.services.map((v) => (
          <SetupItem
            key={v.id}
            id={v.id}
            name={v.name}
            sub={serviceSub(v)}
            s={s}
            remove={() => remove('services', v.id, v.name)}
            edit={(close) => (
              <ServiceForm
                service={v}
                currency={currency}
                close={close}
                save={async (fields) => {
                  await setup.update('services', v.id, fields);
                  close();
                  await change(async () => s('saved'));
                }}
              />
            )}
          />
        ))}
      </ul>
      {addButton('services', s('newService'))}
      {adding === 'services' && (
        <ServiceForm
          currency={currency}
          close={() => setAdding(null)}
          save={async (fields) => {
            await setup.createService({ name: '', duration_minutes: 60, ...fields });
            setAdding(null);
            await change(async () => s('saved'));
          }}
        />
      )}

      <h2>{s('locations')}</h2>
      {salon.locations.length === 0 && <p className="hint">{s('noLocations')}</p>}
      <ul className="list" data-list="locations">
        {salon.locations.map((l) => (
          <SetupItem
            key={l.id}
            id={l.id}
            name={l.name}
            sub={[l.timezone, l.address].filter(Boolean).join(' · ')}
            s={s}
            remove={() => remove('locations', l.id, l.name)}
            edit={(close) => (
              <LocationForm
                location={l}
                close={close}
                save={async (fields) => {
                  await setup.update('locations', l.id, fields);
                  close();
                  await change(async () => s('saved'));
                }}
              />
            )}
          />
        ))}
      </ul>
      {addButton('locations', s('newLocation'))}
      {adding === 'locations' && (
        <LocationForm
          close={() => setAdding(null)}
          save={async (fields) => {
            await setup.createLocation({ ...fields, address: fields.address ?? undefined });
            setAdding(null);
            await change(async () => s('saved'));
          }}
        />
      )}

      <h2>{s('specialists')}</h2>
      {salon.specialists.length === 0 && <p className="hint">{s('noSpecialists')}</p>}
      <ul className="list" data-list="specialists">
        {salon.specialists.map((p) => (
          <SetupItem
            key={p.id}
            id={p.id}
            name={p.name}
            sub={p.telegram_id ? `id ${p.telegram_id}` : ''}
            s={s}
            remove={() => remove('specialists', p.id, p.name)}
            edit={(close) => (
              <SpecialistEditor
                salon={salon}
                specialist={p}
                close={close}
                rename={(name) =>
                  change(async () => {
                    await setup.update('specialists', p.id, { name });
                    return s('saved');
                  })
                }
              />
            )}
          />
        ))}
      </ul>
      <InviteSpecialist />
    </div>
  );
}

/** A specialist's name as clients see it, and what they do where. */
function SpecialistEditor(props: {
  salon: Salon;
  specialist: Specialist;
  close: () => void;
  rename: (name: string) => Promise<void>;
}) {
  const { language } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const [name, setName] = useState(props.specialist.name);
  return (
    <>
      <form
        className="quick-add"
        data-form={`specialist-${props.specialist.id}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '' && name.trim() !== props.specialist.name) void props.rename(name.trim());
        }}
      >
        <Field name="name" label={s('rename')} value={name} set={setName} />
        <button type="submit" className="button small" data-action="rename">
          {s('save')}
        </button>
      </form>
      <h3>{s('offers', { name: props.specialist.name })}</h3>
      <HoursEditor salon={props.salon} specialist={props.specialist} />
      <AssignmentEditor salon={props.salon} specialist={props.specialist} close={props.close} />
    </>
  );
}

/** The currency prices are in (ISO 4217); a code the platform does not know is refused here. */
function CurrencyEditor(props: { current: string | null; saved: () => Promise<void> }) {
  const { api, t, language, notify } = useSession();
  const s = useMemo(() => setupWords(language), [language]);
  const setup = useMemo(() => setupApi(api), [api]);
  const [code, setCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = code ?? props.current ?? '';
  const save = async () => {
    const upper = shown.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(upper) || !Intl.supportedValuesOf('currency').includes(upper))
      return setProblem(s('badCurrency'));
    setProblem(null);
    try {
      const saved = await setup.setCurrency(upper);
      notify(s('currencySaved', { currency: saved.currency ?? upper }));
      setCode(null);
      await props.saved();
    } catch (e) {
      setProblem(failure(e, t));
    }
  };
  return (
    <form
      className="quick-add currency"
      data-form="currency"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field name="currency" label={s('currency')} value={shown} set={setCode} maxLength={3} />
      <button type="submit" className="button small" data-action="save-currency">
        {s('save')}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
