/**
 * The sandbox is a local tool with a public, well-known token, so the Bot API it emulates must not
 * be drivable by a web page the developer happens to open: an `<img src=…/setWebhook?url=…>` is a
 * GET, a hidden `<form>` is a cross-site POST. Bots (grammY, Telegraf, curl) send neither an
 * `Origin` nor `Sec-Fetch-Site: cross-site`, so refusing those costs them nothing.
 */

/** Methods a GET may call: pure reads. Everything else changes state and needs POST. */
const READ_ONLY = new Set([
  'getme',
  'getwebhookinfo',
  'getchat',
  'getchatmember',
  'getchatmembercount',
  'getchatadministrators',
  'getfile',
  'getmycommands',
  'getmydescription',
  'getmyshortdescription',
  'getmyname',
  'getchatmenubutton',
  'getmydefaultadministratorrights',
  'getuserprofilephotos',
  'getforumtopiciconstickers',
]);

/** Why a request must be refused, or null when it may run. */
export function refuseBotApiRequest(request: Request, method: string): string | null {
  if (isCrossSite(request)) return 'Forbidden: cross-site requests to the sandbox Bot API are refused';
  if ((request.method === 'GET' || request.method === 'HEAD') && !READ_ONLY.has(method.toLowerCase()))
    return `Method Not Allowed: ${method} changes state; call it with POST`;
  return null;
}

/** A browser marks requests a page sent to another site; a same-origin page (the sandbox UI) is fine. */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    return true;
  }
}

/** Loopback literals plus `localhost`: where a local tool may deliver updates. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
