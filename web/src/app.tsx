import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { type Api, ApiError, signIn, signInWithLink, type User } from './api.ts';
import { type CapabilityPage, shownPages } from './capability-page-list.ts';
import { CAPABILITY_PAGES } from './capability-pages.ts';
import { SessionContext } from './context.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { type Key, languageOf, failure as problemText, translator } from './i18n.ts';
import { OutsideTelegram } from './login-widget.tsx';
import { CalendarPage } from './pages/calendar-page.tsx';
import { RemindersPage } from './pages/reminders-page.tsx';
import { SettingsPage } from './pages/settings-page.tsx';
import { TasksPage } from './pages/tasks-page.tsx';
import { TodayPage } from './pages/today-page.tsx';
import {
  type AdminPage,
  type CapabilityPageId,
  isAdminPage,
  isCapabilityPage,
  TAB_PAGES,
  type UserPage,
  usePage,
} from './router.ts';
import { backButton, type Launch, postEvent } from './telegram.ts';

/** What a `/web` link's refusal means to the person holding it, by the problem's code. */
const LINK_PROBLEMS: Record<string, Key> = {
  login_link_used: 'linkUsed',
  login_link_expired: 'linkExpired',
  login_link_invalid: 'linkInvalid',
  login_widget_expired: 'widgetExpired',
  login_widget_replayed: 'widgetExpired',
  login_widget_invalid: 'widgetInvalid',
};

const AdminSection = lazy(() => import('./admin/admin-section.tsx'));

const VIEWS: Record<UserPage, () => React.JSX.Element> = {
  today: TodayPage,
  tasks: TasksPage,
  reminders: RemindersPage,
  settings: SettingsPage,
  calendar: CalendarPage,
};

/**
 * Signs in with the launch's initData (in Telegram) or a `/web` link (in a browser), then shows
 * the pages with a tab bar.
 */
export function App({ launch, loginToken }: { launch: Launch | null; loginToken: string | null }) {
  const [session, setSession] = useState<{ api: Api; user: User } | null>(null);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [outside, setOutside] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [page, go] = usePage();
  // The capabilities' pages the server lists for this user (null until it answered).
  const [extra, setExtra] = useState<CapabilityPage[] | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  // Until the user is known, the Telegram client's language decides.
  const language = session?.user.language ?? languageOf(launch?.user?.language_code ?? navigator.language);
  const t = useMemo(() => translator(language), [language]);

  useEffect(() => {
    if (!launch) {
      signInWithLink(loginToken).then(
        (signedIn) => (signedIn ? setSession(signedIn) : setOutside(true)),
        (e: Error) => setFailure(e),
      );
      return;
    }
    signIn(launch.initData).then(setSession, (e: Error) => setFailure(e));
    postEvent('web_app_ready');
    postEvent('web_app_expand');
  }, [launch, loginToken]);
  const api = session?.api;
  useEffect(() => {
    api?.appPages().then(
      (listed) => setExtra(shownPages(CAPABILITY_PAGES, listed)),
      (e: Error) => {
        setExtra([]);
        setToast(problemText(e, t));
      },
    );
  }, [api, t]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => backButton(page !== 'today', () => window.history.back()), [page]);
  // The More menu closes whenever the page changes (a pick, another tab, the back button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `page` is the trigger, not an input.
  useEffect(() => setMoreOpen(false), [page]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 3000);
    return () => clearTimeout(timer);
  }, [toast]);

  const code = failure instanceof ApiError ? failure.code : undefined;
  const linkProblem = code ? LINK_PROBLEMS[code] : undefined;
  const problem = failure ? (
    <p className="notice error" data-problem={code}>
      {linkProblem ? t(linkProblem) : t('signInFailed', { reason: failure.message })}
    </p>
  ) : null;
  // Outside Telegram a failed widget login leaves the widget there to try again.
  if (outside && !session)
    return (
      <>
        {problem}
        <OutsideTelegram
          t={t}
          onSignedIn={(signedIn) => {
            setFailure(null);
            setSession(signedIn);
          }}
          onFailure={setFailure}
        />
      </>
    );
  if (problem) return problem;
  if (!session) return <p className="notice hint">{t('loading')}</p>;

  const isAdmin = session.user.roles.includes('admin');
  const adminPage = isAdminPage(page) ? page.slice('admin/'.length) : null;
  const capabilityPage = isCapabilityPage(page) ? extra?.find((p) => p.id === page) : undefined;
  // A capability page's title comes with this build, so a direct link or a reload has it before
  // the server's page list (which only says whether this user may open it) has arrived.
  const title = isCapabilityPage(page)
    ? (CAPABILITY_PAGES.get(page)?.title[language] ?? '')
    : t((adminPage ?? page) as Key);
  let view: React.JSX.Element;
  if (isCapabilityPage(page)) {
    const View = capabilityPage?.component;
    view = View ? (
      <Suspense fallback={<p className="hint">{t('loading')}</p>}>
        <View />
      </Suspense>
    ) : (
      <p className="hint">{extra ? t('pageUnavailable') : t('loading')}</p>
    );
  } else if (!isAdminPage(page)) {
    const View = VIEWS[page];
    view = <View />;
  } else if (!isAdmin) view = <p className="hint">{t('adminOnly')}</p>;
  else
    view = (
      <Suspense fallback={<p className="hint">{t('loading')}</p>}>
        <AdminSection page={page.slice('admin/'.length) as AdminPage} go={(next) => go(`admin/${next}`)} />
      </Suspense>
    );
  return (
    <SessionContext.Provider
      value={{
        ...session,
        language,
        t,
        setUser: (user) => setSession({ ...session, user }),
        notify: setToast,
      }}
    >
      <main data-page={page}>
        <h1>{title}</h1>
        <ErrorBoundary key={page} t={t} message="pageBroken">
          {view}
        </ErrorBoundary>
      </main>
      <nav className={isAdmin && extra?.length ? 'tabs crowded' : 'tabs'}>
        {TAB_PAGES.map((name) => (
          <button
            key={name}
            type="button"
            className={name === page ? 'active' : ''}
            aria-current={name === page ? 'page' : undefined}
            onClick={() => go(name)}
          >
            {t(name as Key)}
          </button>
        ))}
        {isAdmin ? (
          <button
            type="button"
            data-tab="admin"
            className={adminPage ? 'active' : ''}
            aria-current={adminPage ? 'page' : undefined}
            onClick={() => go('admin/queues')}
          >
            {t('admin')}
          </button>
        ) : null}
        {extra?.length ? (
          <button
            type="button"
            data-tab="more"
            aria-haspopup="menu"
            aria-expanded={moreOpen}
            className={isCapabilityPage(page) || page === 'calendar' ? 'active' : ''}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            {t('more')}
          </button>
        ) : null}
      </nav>
      {moreOpen && extra ? (
        <div className="more-menu" role="menu" aria-label={t('more')}>
          <button
            type="button"
            role="menuitem"
            data-page-id="calendar"
            aria-current={page === 'calendar' ? 'page' : undefined}
            onClick={() => {
              setMoreOpen(false);
              go('calendar');
            }}
          >
            {t('calendar')}
          </button>
          {extra.map((p) => (
            <button
              key={p.id}
              type="button"
              role="menuitem"
              data-page-id={p.id}
              aria-current={p.id === page ? 'page' : undefined}
              onClick={() => {
                setMoreOpen(false);
                go(p.id as CapabilityPageId);
              }}
            >
              {p.title[language]}
            </button>
          ))}
        </div>
      ) : null}
      {toast ? (
        <output className="toast" aria-live="polite">
          {toast}
        </output>
      ) : null}
    </SessionContext.Provider>
  );
}
