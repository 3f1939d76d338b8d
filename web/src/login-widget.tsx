import { useEffect, useRef, useState } from 'react';
import { type Api, signInWithWidget, type User, type WidgetLogin, widgetConfig } from './api.ts';
import type { Translate } from './i18n.ts';

declare global {
  interface Window {
    onTelegramAuth?: (login: WidgetLogin) => void;
  }
}

/**
 * Outside Telegram without a `/web` link: says how to get in and, where the server offers it (an
 * https PUBLIC_URL whose domain is set with BotFather's /setdomain), shows Telegram's Login Widget.
 * The widget calls `window.onTelegramAuth` with a signed user, exchanged here for a session.
 */
export function OutsideTelegram(props: {
  t: Translate;
  onSignedIn: (session: { api: Api; user: User }) => void;
  onFailure: (error: Error) => void;
}) {
  const { t, onSignedIn, onFailure } = props;
  const [bot, setBot] = useState<string | null>(null);
  const slot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    widgetConfig().then(
      (config) => setBot(config.enabled ? config.bot_username : null),
      () => setBot(null), // no widget then; the notice still says what to do
    );
  }, []);
  useEffect(() => {
    window.onTelegramAuth = (login) => signInWithWidget(login).then(onSignedIn, onFailure);
    return () => {
      window.onTelegramAuth = undefined;
    };
  }, [onSignedIn, onFailure]);
  useEffect(() => {
    if (!bot || !slot.current) return;
    const script = document.createElement('script');
    script.async = true;
    script.src = 'https://telegram.org/js/telegram-widget.js?22';
    script.dataset.telegramLogin = bot;
    script.dataset.size = 'large';
    script.dataset.onauth = 'onTelegramAuth(user)';
    script.dataset.requestAccess = 'write';
    slot.current.replaceChildren(script);
  }, [bot]);

  return (
    <div className="notice">
      <p>{t('outsideTelegram')}</p>
      {bot ? (
        <>
          <p className="hint">{t('orLogInWithTelegram')}</p>
          <div ref={slot} data-login-widget={bot} />
        </>
      ) : null}
    </div>
  );
}
