import { Hono } from 'hono';

// `/` is the address the start-up log prints, so it is where a newcomer's browser lands: a page
// saying where things are beats a JSON 404. No script, no input, nothing about the server's state
// beyond which parts are on; the words follow the browser's language (ru or en).

export interface HomePageOptions {
  /** The local Telegram runs in this process (TELEGRAM_MODE=sandbox): link its chat page. */
  sandbox: boolean;
}

const WORDS = {
  en: {
    title: 'Secretary',
    lead: 'A self-hosted Telegram assistant. This server is running; here is where things are:',
    sandbox: 'Sandbox',
    sandboxHint: 'the local Telegram: chat with the bot as several test people, no real Telegram needed.',
    app: 'Mini App',
    appHint:
      'tasks, reminders and more in a page. It opens from the bot; in a browser, send /web to the bot for a sign-in link.',
    docs: 'API reference',
    docsHint: 'every endpoint, tried in the browser (the raw description is /openapi.json).',
    health: 'Health',
    healthHint: '/healthz answers while the process runs, /readyz while its database and queue do.',
  },
  ru: {
    title: 'Секретарь',
    lead: 'Телеграм-ассистент на своём сервере. Сервер работает; вот что где:',
    sandbox: 'Песочница',
    sandboxHint:
      'локальный Telegram: переписка с ботом от имени нескольких тестовых людей, настоящий Telegram не нужен.',
    app: 'Мини-приложение',
    appHint:
      'задачи, напоминания и остальное на одной странице. Открывается из бота; в браузере пришлите боту /web — он даст ссылку для входа.',
    docs: 'Справка по API',
    docsHint: 'все методы, их можно вызвать прямо в браузере (описание целиком — /openapi.json).',
    health: 'Состояние',
    healthHint: '/healthz отвечает, пока процесс жив, /readyz — пока отвечают база и очередь.',
  },
} as const;

/** Only our own inline style; nothing may frame, script or submit. */
const POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'a{font-weight:600}li{margin:.6rem 0}@media(prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8cf}}';

export function renderHomePage(language: 'ru' | 'en', options: HomePageOptions): string {
  const w = WORDS[language];
  const item = (href: string, label: string, hint: string) =>
    `<li><a href="${href}">${label}</a> — ${hint}</li>`;
  const items = [
    ...(options.sandbox ? [item('/sandbox', w.sandbox, w.sandboxHint)] : []),
    item('/app/', w.app, w.appHint),
    item('/docs', w.docs, w.docsHint),
    item('/healthz', w.health, w.healthHint),
  ];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${w.title}</h1>
<p>${w.lead}</p>
<ul>
${items.join('\n')}
</ul>
</body>
</html>`;
}

/** The first language the browser asks for that we have; English otherwise. */
export function pageLanguage(acceptLanguage: string | undefined): 'ru' | 'en' {
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .find((tag) => tag.startsWith('ru') || tag.startsWith('en'));
  return first?.startsWith('ru') ? 'ru' : 'en';
}

/** `GET /`: the home page. */
export function createHomePage(options: HomePageOptions): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    c.header('Content-Security-Policy', POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Vary', 'Accept-Language');
    return c.html(renderHomePage(pageLanguage(c.req.header('accept-language')), options));
  });
  return app;
}
