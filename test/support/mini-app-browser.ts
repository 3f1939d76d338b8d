// The Mini App in a real Chromium, opened the way a person opens it: the sandbox chat's "Open app"
// button, which signs real initData for the user. Shared by the Mini App page tests.
import { type Browser, chromium, type FrameLocator } from 'playwright-core';
import { expect } from 'vitest';
import type { SandboxUser } from '../../src/sandbox/client.ts';
import { chromiumPath } from './chromium.ts';
import type { TestSystem } from './test-system.ts';

export const VISIBLE = { state: 'visible', timeout: 15_000 } as const;

export function launchChromium(what: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(what),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}

export interface OpenMiniAppOptions {
  /** The window's size; 360 × 760 (the narrowest phone) unless a test needs another. */
  viewport?: { width: number; height: number };
  /** What shows the app is ready; the tab bar unless given (e.g. a heading the test expects). */
  ready?: (app: FrameLocator) => Promise<void>;
}

/** The sandbox chat as this user (360 px wide, the narrowest phone), the Mini App opened from "Open app". */
export async function openMiniApp(
  t: TestSystem,
  browser: Browser,
  user: SandboxUser,
  {
    viewport = { width: 360, height: 760 },
    ready = (app) => app.locator('nav.tabs').waitFor(VISIBLE),
  }: OpenMiniAppOptions = {},
) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((id) => localStorage.setItem('sandbox.userId', String(id)), user.id);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${t.url}/sandbox`);
  await page.locator('#header-webapp').click({ timeout: 15_000 });
  await expect.poll(() => page.locator('#webapp-frame').getAttribute('src')).toContain('/app/#tgWebAppData=');
  const app: FrameLocator = page.frameLocator('#webapp-frame');
  await ready(app);
  /** Whether the app's page is wider than its frame (something does not fit at 360 px). */
  const overflows = () => app.locator('html').evaluate((html) => html.scrollWidth > html.clientWidth + 1);
  return { context, page, app, errors, overflows, close: () => context.close() };
}

/** A bearer token for this user, signed in through the API with fresh sandbox-signed initData. */
export async function tokenOf(t: TestSystem, user: SandboxUser): Promise<string> {
  const { init_data } = await user.webApp();
  const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  return ((await login.json()) as { token: string }).token;
}

/** The REST API as this user, answering the status and the parsed body (whatever the status). */
export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

export async function callAs(t: TestSystem, user: SandboxUser): Promise<ApiCall> {
  const token = await tokenOf(t, user);
  return async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text === '' ? undefined : text;
    try {
      if (text !== '') parsed = JSON.parse(text);
    } catch {
      // Not JSON: the text as it came.
    }
    return { status: res.status, body: parsed as T };
  };
}

/** Calls the REST API as this user (signed in with fresh sandbox-signed initData); throws unless 2xx. */
export async function apiAs(t: TestSystem, user: SandboxUser) {
  const call = await callAs(t, user);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await call<T>(method, path, body);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
}
