import { type FormEvent, useState } from 'react';
import type { Language } from '../api.ts';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { PersonalSettingsSections } from './personal-settings.tsx';

/** Every personal setting the bot's /settings changes: language and timezone, then the rest. */
export function SettingsPage() {
  const { api, t, user, setUser, notify } = useSession();
  const [zone, setZone] = useState(user.timezone);
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const save = async (patch: { language?: Language; timezone?: string }) => {
    try {
      setUser(await api.updateMe(patch));
      notify(t('saved'));
    } catch (e) {
      notify(failure(e, t));
    }
  };
  const submitZone = (event: FormEvent) => {
    event.preventDefault();
    void save({ timezone: zone.trim() });
  };

  return (
    <>
      <section>
        <h2>{t('language')}</h2>
        <fieldset className="segmented" aria-label={t('language')}>
          {(['ru', 'en'] as const).map((lang) => (
            <button
              key={lang}
              type="button"
              aria-pressed={user.language === lang}
              className={user.language === lang ? 'active' : ''}
              onClick={() => save({ language: lang })}
            >
              {lang === 'ru' ? 'Русский' : 'English'}
            </button>
          ))}
        </fieldset>
      </section>
      <section>
        <h2>{t('timezone')}</h2>
        <form className="quick-add" onSubmit={submitZone}>
          <input
            name="timezone"
            value={zone}
            maxLength={64}
            onChange={(e) => setZone(e.target.value)}
            aria-label={t('timezone')}
            placeholder={t('timezoneHint')}
          />
          <button type="submit" className="button" disabled={!zone.trim() || zone === user.timezone}>
            {t('save')}
          </button>
        </form>
        {device && device !== user.timezone ? (
          <button type="button" className="link" onClick={() => setZone(device)}>
            {t('detectedTimezone', { zone: device })}
          </button>
        ) : null}
      </section>
      <PersonalSettingsSections />
    </>
  );
}
