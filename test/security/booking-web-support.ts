import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CapabilityHarness } from '../support/capability-harness.ts';

/** Web sign-in over real HTTP as browsers behind a proxy (TRUST_PROXY) send it: one address per caller. */
export function webSignIn(h: CapabilityHarness) {
  const json = (path: string, body: unknown, from: string) =>
    h.request(`/api/v1/booking/web${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });
  const form = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    h.request(`/app/booking${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });
  /** Codes the development delivery wrote (DATA_DIR/login-codes.dev.log), oldest first. */
  const codesFor = (identity: string): string[] =>
    readFileSync(join(h.t.dataDir, 'login-codes.dev.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { identity: string; code: string })
      .filter((sent) => sent.identity === identity)
      .map((sent) => sent.code);
  return {
    askCode: (identity: string, from: string) => json('/login/code', { identity }, from),
    verify: (identity: string, code: string, from: string) => json('/login/verify', { identity, code }, from),
    form,
    codesFor,
    /** Signs in through the pages; returns the session cookie (`bk_session=…`). */
    async pageSession(identity: string, from: string): Promise<string> {
      const asked = await form('/login', { identity }, { 'x-forwarded-for': from });
      if (asked.status !== 200) throw new Error(`code: ${asked.status} ${await asked.text()}`);
      const code = codesFor(identity).at(-1) as string;
      const verified = await form('/login/verify', { identity, code }, { 'x-forwarded-for': from });
      if (verified.status !== 303) throw new Error(`verify: ${verified.status} ${await verified.text()}`);
      return (verified.headers.get('set-cookie') as string).split(';')[0] as string;
    },
  };
}

/** Every row of the tables as text, for "does the database hold this in clear" checks. */
export async function dumpTables(h: CapabilityHarness, tables: string[]): Promise<string> {
  const raw = h.t.testDb.database.raw;
  const parts: string[] = [];
  for (const table of tables)
    for (const row of await raw.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t`))
      parts.push(row.row);
  return parts.join('\n');
}
