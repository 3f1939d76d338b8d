// A small typed wrapper over what Telegram hands a Mini App. Telegram clients put the launch
// parameters in the URL fragment (tgWebAppData, tgWebAppThemeParams, …) and, when the page loads
// telegram-web-app.js, also on window.Telegram.WebApp. We read both, so the app runs in Telegram,
// in the sandbox's panel (fragment only) and after a reload (kept in sessionStorage).
// A link anyone can write carries a fragment too, so it counts only where Telegram put it (see
// launchedByTelegram), and events go to Telegram's own origin, never to whoever framed us.

export interface TelegramUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface Launch {
  /** The signed initData string, exchanged once for a bearer token. */
  initData: string;
  user: TelegramUser | null;
  theme: Record<string, string>;
}

interface WebAppGlobal {
  initData?: string;
  themeParams?: Record<string, string>;
  colorScheme?: 'light' | 'dark';
}

declare global {
  interface Window {
    Telegram?: { WebApp?: WebAppGlobal };
    TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
  }
}

const STORED = 'secretary.launch';

function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Telegram Web's origin (web.telegram.org/k and /a; its subdomains too). */
const TELEGRAM_WEB = 'https://web.telegram.org';

/** Whether a parent page at `origin` may receive our events: Telegram Web, or the sandbox's chat on this server. */
export function isTrustedParent(origin: string, selfOrigin: string): boolean {
  return (
    origin === selfOrigin ||
    origin === TELEGRAM_WEB ||
    /^https:\/\/[a-z0-9-]+\.web\.telegram\.org$/.test(origin)
  );
}

/**
 * The postMessage targets for our parent frame. The browser delivers a message only when the
 * parent's origin is the target, so naming the candidates is safe where '*' would tell any page
 * that frames us what we do. Where the browser tells us the parent's origin we name just that one.
 */
export function parentTargets(selfOrigin: string, ancestor: string | undefined): string[] {
  if (ancestor !== undefined) return isTrustedParent(ancestor, selfOrigin) ? [ancestor] : [];
  return [TELEGRAM_WEB, selfOrigin];
}

const ancestorOrigin = (): string | undefined => window.location.ancestorOrigins?.[0];

/**
 * Whether Telegram (or the local sandbox) opened this page, so that launch parameters in the
 * fragment are theirs: a Telegram client's webview bridge; a frame (the server's CSP lets only
 * Telegram Web and this origin frame the Mini App; the browser names the parent where it can); or
 * a tab opened from this origin (the sandbox chat's "Open in tab"). A link followed from anywhere
 * else could sign the reader in as someone else, so its fragment is ignored.
 */
function launchedByTelegram(): boolean {
  if (window.TelegramWebviewProxy) return true;
  if (window.parent !== window) {
    const ancestor = ancestorOrigin();
    return ancestor === undefined || isTrustedParent(ancestor, window.location.origin);
  }
  try {
    return document.referrer !== '' && new URL(document.referrer).origin === window.location.origin;
  } catch {
    return false;
  }
}

function fromFragment(): Launch | null {
  if (!launchedByTelegram()) return null;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const initData = params.get('tgWebAppData');
  if (!initData) return null;
  return {
    initData,
    user: parseJson<TelegramUser>(new URLSearchParams(initData).get('user')),
    theme: parseJson<Record<string, string>>(params.get('tgWebAppThemeParams')) ?? {},
  };
}

function fromGlobal(): Launch | null {
  const webApp = window.Telegram?.WebApp;
  if (!webApp?.initData) return null;
  return {
    initData: webApp.initData,
    user: parseJson<TelegramUser>(new URLSearchParams(webApp.initData).get('user')),
    theme: webApp.themeParams ?? {},
  };
}

/** The launch parameters, or null when the page was opened outside Telegram. */
export function readLaunch(): Launch | null {
  const launch = fromGlobal() ?? fromFragment();
  if (launch) {
    sessionStorage.setItem(STORED, JSON.stringify(launch));
    return launch;
  }
  return parseJson<Launch>(sessionStorage.getItem(STORED));
}

/** Telegram's theme colours as the --tg-theme-* variables the CSS falls back from. */
export function applyTheme(theme: Record<string, string>): void {
  const style = document.documentElement.style;
  for (const [key, value] of Object.entries(theme)) {
    if (/^#[0-9a-f]{3,8}$/i.test(value)) style.setProperty(`--tg-theme-${key.replaceAll('_', '-')}`, value);
  }
}

/** Sends a Mini App event to the Telegram client (a no-op in a plain browser tab). */
export function postEvent(type: string, data: Record<string, unknown> = {}): void {
  const payload = JSON.stringify(data);
  if (window.TelegramWebviewProxy) {
    window.TelegramWebviewProxy.postEvent(type, payload);
    return;
  }
  if (window.parent !== window) {
    const message = JSON.stringify({ eventType: type, eventData: data });
    for (const target of parentTargets(window.location.origin, ancestorOrigin())) {
      window.parent.postMessage(message, target);
    }
  }
}

export const haptic = (kind: 'success' | 'error') =>
  postEvent('web_app_trigger_haptic_feedback', { type: 'notification', notification_type: kind });

/** Shows Telegram's back button while `visible`; calls `onBack` when it is pressed. */
export function backButton(visible: boolean, onBack: () => void): () => void {
  postEvent('web_app_setup_back_button', { is_visible: visible });
  const listener = (event: MessageEvent) => {
    // Only our parent speaks for Telegram; another window (a popup we opened) could post anything.
    if (event.source !== window.parent || !isTrustedParent(event.origin, window.location.origin)) return;
    const message = typeof event.data === 'string' ? parseJson<{ eventType?: string }>(event.data) : null;
    if (message?.eventType === 'back_button_pressed') onBack();
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

/**
 * The one-time token of a `/web` sign-in link (`/app/#login=…`), taken out of the address at once
 * so that it is neither kept in history nor sent again on a reload.
 */
export function takeLoginToken(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('login');
  if (!token) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return token;
}
