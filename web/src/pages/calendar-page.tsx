import { useCallback, useState } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import { calendarWords } from './calendar-words.ts';

/** GET /api/v1/calendar/items: one thing on the calendar; `kind` + `id` say what opens on a tap. */
interface CalendarItem {
  kind: 'task' | 'reminder' | 'booking';
  id: string;
  title: string;
  start: string;
  end?: string;
  status: string;
  role?: 'client' | 'specialist';
  location?: string;
}

const DAY = 86_400_000;
// Days are calendar dates held as UTC midnights; the person's zone only decides which day an item is on.
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const keyIn = (iso: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
const midnight = (key: string) => Date.parse(`${key}T00:00:00Z`);
const mondayOf = (ms: number) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
const ICONS = { task: '📋', reminder: '⏰', booking: '📅' } as const;

/** Where a tap on an item goes: its own page, with the item scrolled to and marked. */
function open(item: CalendarItem) {
  const page =
    item.kind === 'task'
      ? 'tasks'
      : item.kind === 'reminder'
        ? 'reminders'
        : item.role === 'specialist'
          ? 'schedule'
          : 'book';
  const selector = `[data-${item.kind}-id="${item.id}"]`;
  window.history.pushState(null, '', `/app/${page}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  // The page loads its list after it mounts: mark the item once it is there (give up after 10 s).
  const mark = () => {
    const row = document.querySelector(selector);
    if (!row) return false;
    row.classList.add('focused');
    row.scrollIntoView({ block: 'center' });
    return true;
  };
  if (mark()) return;
  const watch = new MutationObserver(() => mark() && watch.disconnect());
  watch.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 10_000);
}

/** Tasks due, reminders going off and bookings, by week or by month in the person's timezone. */
export function CalendarPage() {
  const { api, t, language, user } = useSession();
  const w = calendarWords(language);
  const zone = user.timezone;
  const today = keyIn(new Date(), zone);
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(midnight(today));
  const [picked, setPicked] = useState(today);

  const first =
    view === 'week'
      ? mondayOf(anchor)
      : mondayOf(Date.UTC(new Date(anchor).getUTCFullYear(), new Date(anchor).getUTCMonth(), 1));
  const days = Array.from({ length: view === 'week' ? 7 : 42 }, (_, i) => dayOf(first + i * DAY));
  // ±14 h covers every zone's offset; items are then placed by their local day.
  const from = new Date(first - 14 * 3_600_000).toISOString();
  const to = new Date(first + days.length * DAY + 14 * 3_600_000).toISOString();
  const load = useCallback(
    () =>
      api.request<{ items: CalendarItem[] }>(
        'GET',
        `/calendar/items?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
    [api, from, to],
  );
  const { data, error } = useLoad(load);
  const byDay = new Map<string, CalendarItem[]>();
  for (const item of data?.items ?? []) {
    const key = keyIn(item.start, zone);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }

  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const timeOf = (iso: string) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(
      new Date(iso),
    );
  const dayTitle = (key: string) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(midnight(key));
  const month = new Date(anchor);
  const title =
    view === 'week'
      ? `${dayTitle(days[0] as string)} – ${dayTitle(days[6] as string)}`
      : new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(month);
  const step = (direction: 1 | -1) => {
    if (view === 'week') setAnchor(anchor + direction * 7 * DAY);
    else setAnchor(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + direction, 1));
  };

  const list = (items: CalendarItem[]) => (
    <ul className="list calendar-items">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}-${item.start}`} className="row">
          <button
            type="button"
            className="calendar-item"
            data-kind={item.kind}
            data-item-id={item.id}
            onClick={() => open(item)}
          >
            <span className="calendar-time">{timeOf(item.start)}</span>
            <span className="row-title">
              {ICONS[item.kind]} {item.title}
            </span>
            <span className="row-sub">
              {w(item.kind)}
              {item.status === 'snoozed'
                ? ` · ${w('snoozed')}`
                : item.status === 'done'
                  ? ` · ${w('done')}`
                  : ''}
              {item.location ? ` · ${item.location}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <fieldset className="segmented" aria-label={w('week')}>
        {(['week', 'month'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            className={view === v ? 'active' : ''}
            onClick={() => setView(v)}
          >
            {w(v)}
          </button>
        ))}
      </fieldset>
      <div className="calendar-nav">
        <button
          type="button"
          className="button small secondary"
          aria-label={w('previous')}
          onClick={() => step(-1)}
        >
          ‹
        </button>
        <span className="calendar-title">{title}</span>
        <button
          type="button"
          className="button small secondary"
          aria-label={w('next')}
          onClick={() => step(1)}
        >
          ›
        </button>
        <button
          type="button"
          className="button small secondary"
          onClick={() => {
            setAnchor(midnight(today));
            setPicked(today);
          }}
        >
          {w('today')}
        </button>
      </div>
      {error !== null ? <p className="error">{failure(error, t)}</p> : null}
      {!data && error === null ? <p className="hint">{t('loading')}</p> : null}
      {data && view === 'week' ? (
        <div data-view="week">
          {data.items.length === 0 ? <p className="hint">{w('emptyRange')}</p> : null}
          {days.map((key) => (
            <section
              key={key}
              data-day={key}
              className={key === today ? 'calendar-day today' : 'calendar-day'}
            >
              <h2>{dayTitle(key)}</h2>
              {byDay.get(key)?.length ? list(byDay.get(key) ?? []) : <p className="hint">{w('nothing')}</p>}
            </section>
          ))}
        </div>
      ) : null}
      {data && view === 'month' ? (
        <div data-view="month">
          <div className="calendar-grid">
            {days.slice(0, 7).map((key) => (
              <span key={`h${key}`} className="calendar-weekday">
                {new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(midnight(key))}
              </span>
            ))}
            {days.map((key) => {
              const count = byDay.get(key)?.length ?? 0;
              const outside = new Date(midnight(key)).getUTCMonth() !== month.getUTCMonth();
              return (
                <button
                  key={key}
                  type="button"
                  data-day={key}
                  aria-pressed={picked === key}
                  className={[
                    'calendar-cell',
                    outside ? 'outside' : '',
                    key === today ? 'today' : '',
                    picked === key ? 'active' : '',
                  ].join(' ')}
                  onClick={() => setPicked(key)}
                >
                  {Number(key.slice(8))}
                  {count ? <span className="calendar-dot">{count}</span> : null}
                </button>
              );
            })}
          </div>
          <section data-day={picked}>
            <h2>{dayTitle(picked)}</h2>
            {byDay.get(picked)?.length ? (
              list(byDay.get(picked) ?? [])
            ) : (
              <p className="hint">{w('nothing')}</p>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}
