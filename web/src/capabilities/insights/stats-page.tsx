import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { type Figures, PERIODS, type StatsPeriod, statsApi } from './stats-api.ts';
import { dayBars, formatRange, percent, weekdayName } from './stats-format.ts';
import { type StatsWords, statsWords } from './stats-words.ts';

/** A period switch, the key figures of that period and completions per day as bars. */
export default function StatsPage() {
  const { api, t, language } = useSession();
  const w = useMemo(() => statsWords(language), [language]);
  const stats = useMemo(() => statsApi(api), [api]);
  const [period, setPeriod] = useState<StatsPeriod>('week');
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ period: StatsPeriod; figures?: Figures; error?: unknown } | null>(
    null,
  );
  // Retry asks again for the same period: a new request object.
  const request = useMemo(() => ({ period, attempt }), [period, attempt]);
  useEffect(() => {
    // A quick tap on another period makes an earlier answer stale: only the latest one is shown.
    let latest = true;
    const { period } = request;
    stats.figures(period).then(
      (figures) => latest && setLoaded({ period, figures }),
      (error: unknown) => latest && setLoaded({ period, error }),
    );
    return () => {
      latest = false;
    };
  }, [stats, request]);
  const shown = loaded?.period === period ? loaded : null;

  return (
    <>
      <fieldset className="segmented chips" aria-label={w('periods')}>
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            data-period={p}
            aria-pressed={period === p}
            className={period === p ? 'active' : ''}
            onClick={() => setPeriod(p)}
          >
            {w(p)}
          </button>
        ))}
      </fieldset>
      {shown?.error !== undefined ? (
        <div className="notice">
          <p className="error">{failure(shown.error, t)}</p>
          <button type="button" className="button secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </div>
      ) : shown?.figures ? (
        <FiguresView figures={shown.figures} w={w} />
      ) : (
        <p className="hint">{t('loading')}</p>
      )}
    </>
  );
}

function FiguresView({ figures: f, w }: { figures: Figures; w: StatsWords }) {
  const { language } = useSession();
  const bars = dayBars(f.perDay, language);
  const row = (id: string, label: string, value: string | number) => (
    <li className="row" key={id} data-figure={id}>
      <span className="row-main">{label}</span>
      <strong className="figure">{value}</strong>
    </li>
  );
  return (
    <div data-period-shown={f.period.kind}>
      <p className="hint">{formatRange(f.period.from, f.period.to, language)}</p>
      <h2>{w('tasks')}</h2>
      <ul className="list">
        {row('completed', w('completed'), f.tasks.completed)}
        {row('created', w('created'), f.tasks.created)}
        {row(
          'completion-rate',
          w('completionRate'),
          f.tasks.due === 0
            ? '—'
            : w('completionRateValue', {
                done: f.tasks.dueDone,
                due: f.tasks.due,
                rate: percent(f.tasks.completionRate),
              }),
        )}
        {row('on-time', w('onTimeRate'), percent(f.tasks.onTimeRate))}
        {row('overdue', w('overdueNow'), f.tasks.overdueNow)}
        {row('streak', w('streak'), w('streakValue', { current: f.streaks.current, best: f.streaks.best }))}
        {f.bestHour !== null && f.bestWeekday !== null
          ? row(
              'best-time',
              w('bestTime'),
              w('bestTimeValue', {
                weekday: weekdayName(f.bestWeekday, language),
                hour: String(f.bestHour).padStart(2, '0'),
              }),
            )
          : null}
      </ul>
      <h2>{w('perDay')}</h2>
      {f.tasks.completed === 0 ? (
        <p className="hint">{w('nothingDone')}</p>
      ) : (
        <div className="day-bars" data-chart="per-day">
          {bars.map((b) => (
            <div
              key={b.date}
              className="day-bar"
              role="img"
              data-date={b.date}
              data-completed={b.completed}
              aria-label={w('dayBar', { date: formatRange(b.date, b.date, language), n: b.completed })}
            >
              <span className="day-bar-count">{b.completed > 0 && bars.length <= 7 ? b.completed : ''}</span>
              <span className="day-bar-track">
                <span className="day-bar-fill" style={{ height: `${b.height}%` }} />
              </span>
              <span className="day-bar-label">{b.label}</span>
            </div>
          ))}
        </div>
      )}
      <h2>{w('reminders')}</h2>
      <ul className="list">
        {row('reminders-done', w('remindersDone'), f.reminders.done)}
        {row('reminders-skipped', w('remindersSkipped'), f.reminders.skipped)}
        {row('reminders-snoozed', w('remindersSnoozed'), f.reminders.snoozed)}
      </ul>
      {f.courses.length > 0 ? (
        <>
          <h2>{w('courses')}</h2>
          <ul className="list">
            {f.courses.map((c) =>
              row(
                `course-${c.courseId}`,
                c.name,
                w('courseValue', { learned: c.learned, topics: c.topics, inPeriod: c.learnedInPeriod }),
              ),
            )}
          </ul>
        </>
      ) : null}
      <h2>{w('notesAndBookings')}</h2>
      <ul className="list">
        {row('notes-filed', w('notesFiled'), f.notes.filed)}
        {row('bookings-kept', w('bookingsKept'), f.bookings.kept)}
        {row('bookings-no-shows', w('bookingsNoShows'), f.bookings.noShows)}
        {row('bookings-cancelled', w('bookingsCancelled'), f.bookings.cancelled)}
        {row('bookings-upcoming', w('bookingsUpcoming'), f.bookings.upcoming)}
      </ul>
    </div>
  );
}
