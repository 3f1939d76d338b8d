import { TestClock } from 'pg-boss';
import type { AnyCapabilityModule } from '../../src/capabilities/capability.ts';
import type { SandboxChat, SandboxUser } from '../../src/sandbox/client.ts';
import { registeredPerson } from './test-people.ts';
import { startTestSystem, type TestSystem } from './test-system.ts';

export interface CapabilityHarness {
  t: TestSystem;
  clock: TestClock;
  /** A registered sandbox person (timezone confirmed), optionally holding roles, with a bearer token. */
  person(
    name: string,
    options?: { language?: 'en' | 'ru'; timezone?: string; roles?: string[] },
  ): Promise<{ user: SandboxUser; chat: SandboxChat; userId: string; auth: Record<string, string> }>;
  /** `fetch` against the system's HTTP server. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON API call that must succeed (2xx); throws with the status and body otherwise. */
  call(
    auth: Record<string, string>,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * Mounts capability modules exactly as the system does — the whole system (database, job
 * runtime, bot through the local Telegram, HTTP with access guards) with only these modules — on
 * a test clock. The way to prove a new capability plugs in without a platform edit.
 */
export async function startCapabilityHarness(
  modules: readonly AnyCapabilityModule[],
  options: { start?: string; env?: Record<string, string> } = {},
): Promise<CapabilityHarness> {
  // Ahead of the real clock: PostgreSQL stamps some job times with its own now().
  const clock = new TestClock(options.start ?? '2037-03-02T08:00:00Z');
  const t = await startTestSystem(options.env ?? {}, { clock, modules });
  await t.sb.limits(false);
  const request = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);
  return {
    t,
    clock,
    request,
    async call(auth, method, path, body) {
      const res = await request(path, { method, headers: auth, body: body ? JSON.stringify(body) : null });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    async person(name, { language = 'en', timezone = 'Europe/Berlin', roles = [] } = {}) {
      const person = await registeredPerson(t, name, language, timezone);
      for (const role of roles) await t.system.users.grantRole(person.user.id, role, { kind: 'system' });
      const { init_data } = await person.user.webApp();
      const login = await request('/api/v1/auth/webapp', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ init_data }),
      });
      if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
      const { token } = (await login.json()) as { token: string };
      return { ...person, auth: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
    },
    close: () => t.close(),
  };
}
