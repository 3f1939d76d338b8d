import { type FormEvent, useCallback, useState } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import { type SettingsWord, settingsWords } from './settings-words.ts';

/** GET /api/v1/me/settings (the capabilities' objects as this build has them). */
interface PersonalSettings {
  quiet_hours: { start: string; end: string } | null;
  notifications: boolean;
  reminders?: { digest: string | null };
  insights?: { weekly: boolean; weekly_day: string; weekly_time: string | null; calendar_feed: string };
  companion?: { checkins: boolean };
  notes?: { threshold: string; ttl: string; style: string; forum: boolean; template: string | null };
}
type Patch = Partial<Record<keyof PersonalSettings, unknown>>;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const THRESHOLDS = ['30', '40', '50', '60', '70', '80', '90'];
const TTLS = ['1h', '6h', '24h', '72h'];
const STYLES = ['detailed', 'compact', 'minimal'] as const;

function OnOff(props: {
  label: string;
  value: boolean;
  onChange: (v: boolean) => void;
  w: (k: SettingsWord) => string;
}) {
  return (
    <fieldset className="segmented" aria-label={props.label} data-setting={props.label}>
      {[true, false].map((v) => (
        <button
          key={String(v)}
          type="button"
          aria-pressed={props.value === v}
          className={props.value === v ? 'active' : ''}
          onClick={() => props.value !== v && props.onChange(v)}
        >
          {props.w(v ? 'on' : 'off')}
        </button>
      ))}
    </fieldset>
  );
}

/** Every other personal setting the bot has (quiet hours, notifications, digest, reports, notes, the feed). */
export function PersonalSettingsSections() {
  const { api, t, language, notify } = useSession();
  const w = settingsWords(language);
  const load = useCallback(() => api.request<PersonalSettings>('GET', '/me/settings'), [api]);
  const { data, error, reload } = useLoad(load);
  const [quiet, setQuiet] = useState<{ start: string; end: string } | null>(null);
  const [digest, setDigest] = useState<string | null>(null);
  const [template, setTemplate] = useState<string | null>(null);

  const patch = async (body: Patch) => {
    try {
      await api.request('PATCH', '/me/settings', body);
      await reload();
      notify(t('saved'));
    } catch (e) {
      notify(failure(e, t));
    }
  };
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;

  const shownQuiet = quiet ?? data.quiet_hours ?? { start: '', end: '' };
  const saveQuiet = (event: FormEvent) => {
    event.preventDefault();
    void patch({ quiet_hours: shownQuiet }).then(() => setQuiet(null));
  };
  const { reminders, insights, companion, notes } = data;
  return (
    <>
      <section data-section="quiet-hours">
        <h2>{w('quietHours')}</h2>
        <p className="hint">{w('quietHint')}</p>
        <form className="quick-add" onSubmit={saveQuiet}>
          <input
            type="time"
            name="quiet-start"
            aria-label={w('quietFrom')}
            value={shownQuiet.start}
            onChange={(e) => setQuiet({ ...shownQuiet, start: e.target.value })}
          />
          <input
            type="time"
            name="quiet-end"
            aria-label={w('quietTo')}
            value={shownQuiet.end}
            onChange={(e) => setQuiet({ ...shownQuiet, end: e.target.value })}
          />
          <button type="submit" className="button" disabled={!shownQuiet.start || !shownQuiet.end}>
            {t('save')}
          </button>
        </form>
        {data.quiet_hours ? (
          <button type="button" className="link" onClick={() => patch({ quiet_hours: null })}>
            {w('quietOff')}
          </button>
        ) : null}
      </section>
      <section data-section="notifications">
        <h2>{w('notifications')}</h2>
        <p className="hint">{w('notificationsHint')}</p>
        <OnOff
          label={w('notifications')}
          value={data.notifications}
          w={w}
          onChange={(v) => patch({ notifications: v })}
        />
      </section>
      {reminders ? (
        <section data-section="digest">
          <h2>{w('digest')}</h2>
          <p className="hint">{w('digestHint')}</p>
          <form
            className="quick-add"
            onSubmit={(e) => {
              e.preventDefault();
              void patch({ reminders: { digest: (digest ?? reminders.digest) || null } }).then(() =>
                setDigest(null),
              );
            }}
          >
            <input
              type="time"
              name="digest"
              aria-label={w('digest')}
              value={digest ?? reminders.digest ?? ''}
              onChange={(e) => setDigest(e.target.value)}
            />
            <button type="submit" className="button">
              {t('save')}
            </button>
          </form>
        </section>
      ) : null}
      {insights ? (
        <section data-section="weekly">
          <h2>{w('weekly')}</h2>
          <OnOff
            label={w('weekly')}
            value={insights.weekly}
            w={w}
            onChange={(v) => patch({ insights: { weekly: v } })}
          />
          <div className="quick-add">
            <select
              aria-label={w('weeklyDay')}
              value={insights.weekly_day}
              onChange={(e) => patch({ insights: { weekly_day: e.target.value } })}
            >
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {w(d)}
                </option>
              ))}
            </select>
            <input
              type="time"
              aria-label={w('weeklyTime')}
              defaultValue={insights.weekly_time ?? ''}
              onBlur={(e) =>
                e.target.value !== (insights.weekly_time ?? '') &&
                patch({ insights: { weekly_time: e.target.value || null } })
              }
            />
          </div>
        </section>
      ) : null}
      {companion ? (
        <section data-section="checkins">
          <h2>{w('checkins')}</h2>
          <OnOff
            label={w('checkins')}
            value={companion.checkins}
            w={w}
            onChange={(v) => patch({ companion: { checkins: v } })}
          />
        </section>
      ) : null}
      {notes ? (
        <section data-section="notes">
          <h2>{w('notes')}</h2>
          <label className="field">
            <span className="field-label">{w('threshold')}</span>
            <select value={notes.threshold} onChange={(e) => patch({ notes: { threshold: e.target.value } })}>
              {THRESHOLDS.map((v) => (
                <option key={v} value={v}>{`${v}%`}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{w('ttl')}</span>
            <select value={notes.ttl} onChange={(e) => patch({ notes: { ttl: e.target.value } })}>
              {TTLS.map((v) => (
                <option key={v} value={v}>
                  {v.replace('h', language === 'ru' ? ' ч' : ' h')}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{w('style')}</span>
            <select value={notes.style} onChange={(e) => patch({ notes: { style: e.target.value } })}>
              {STYLES.map((v) => (
                <option key={v} value={v}>
                  {w(v)}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <span className="field-label">{w('forum')}</span>
            <OnOff
              label={w('forum')}
              value={notes.forum}
              w={w}
              onChange={(v) => patch({ notes: { forum: v } })}
            />
          </div>
          <form
            className="field"
            onSubmit={(e) => {
              e.preventDefault();
              void patch({ notes: { template: (template ?? notes.template ?? '').trim() || null } }).then(
                () => setTemplate(null),
              );
            }}
          >
            <span className="field-label">{w('template')}</span>
            <textarea
              name="template"
              rows={3}
              maxLength={2000}
              aria-label={w('template')}
              placeholder={w('templateHint')}
              value={template ?? notes.template ?? ''}
              onChange={(e) => setTemplate(e.target.value)}
            />
            <button type="submit" className="button small">
              {t('save')}
            </button>
          </form>
        </section>
      ) : null}
      {insights ? (
        <section data-section="calendar-feed">
          <h2>{w('calendarFeed')}</h2>
          <p className="hint">{w('calendarFeedHint')}</p>
          <input
            className="feed-link"
            readOnly
            value={insights.calendar_feed}
            aria-label={w('calendarFeed')}
          />
          <div className="row-actions">
            <button
              type="button"
              className="button small secondary"
              onClick={() =>
                navigator.clipboard?.writeText(insights.calendar_feed).then(
                  () => notify(w('copied')),
                  () => undefined,
                )
              }
            >
              {w('copy')}
            </button>
            <button
              type="button"
              className="button small secondary"
              onClick={async () => {
                try {
                  await api.request('POST', '/calendar/reset');
                  await reload();
                  notify(w('rotated'));
                } catch (e) {
                  notify(failure(e, t));
                }
              }}
            >
              {w('rotate')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
