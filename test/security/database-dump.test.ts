import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_MODULES } from '../../src/app/capabilities.ts';
import { type CapabilityHarness, startCapabilityHarness } from '../support/capability-harness.ts';

// Issue 29, "done when": a dump of the database after using tasks, notes, the companion chat and a
// web booking contains none of the text or identities typed in it. Every text-like column of every
// table (ours and the job queue's) is searched for each distinctive string, so a new plaintext
// twin (a log, a cache, a job payload) fails here whichever table it lands in.

const TYPED = {
  taskByBot: 'quetzal-feathers',
  taskTitle: 'zebra-42',
  taskDescription: 'quokka-77',
  abandonedFlow: 'margay-47',
  noteByBot: 'walrus-13',
  noteByApi: 'ibex-58',
  companion: 'axolotl-31',
  profileByBot: 'tapir-26',
  profileInterest: 'okapi-84',
  profileGoal: 'gharial-95',
  identity: 'pangolin.client-59@example.com',
  walkInName: 'Numbat Sixtysix',
  walkInPhone: '+44 20 7946 0666',
};

let h: CapabilityHarness;
beforeAll(async () => {
  // Monday 2 March 2037, 08:00 UTC: the booking below is in the salon's future.
  h = await startCapabilityHarness(CAPABILITY_MODULES, { start: '2037-03-02T08:00:00Z' });
}, 120_000);
afterAll(() => h?.close());

/** Every (table, column) whose values can hold text, in every schema but the catalogs. */
async function textColumns() {
  return h.t.testDb.database.raw.query<{ schema: string; table: string; column: string; type: string }>(
    `SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column", c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE t.table_type = 'BASE TABLE'
        AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
             OR c.udt_name IN ('_text', '_varchar', '_jsonb'))
      ORDER BY 1, 2, 3`,
  );
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `schema.table.column: needle` for each typed string found anywhere in the database. */
async function leaks(needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const patterns = needles.map((n) => `%${n}%`);
  for (const c of await textColumns()) {
    const value = c.type === 'bytea' ? `encode(${ident(c.column)}, 'escape')` : `${ident(c.column)}::text`;
    const rows = await h.t.testDb.database.raw.query<{ needle: string }>(
      `SELECT DISTINCT p.needle FROM ${ident(c.schema)}.${ident(c.table)} AS x,
              unnest($1::text[], $2::text[]) AS p(needle, pattern)
        WHERE ${value} ILIKE p.pattern`,
      [needles, patterns],
    );
    for (const r of rows) found.push(`${c.schema}.${c.table}.${c.column}: ${r.needle}`);
  }
  return found;
}

describe('a dump of the database', () => {
  it('holds none of the text or identities people typed into tasks, notes, the companion (chat and profile) and a booking', async () => {
    const ann = await h.person('Ann');
    const admin = await h.person('Ada', { roles: ['admin'] });

    // Tasks and notes by the bot (the smart inbox's card, the update inbox, the reply log) and the API.
    await ann.user.send(`buy ${TYPED.taskByBot} tomorrow 10:00`);
    const card = await ann.chat.nextMessage(/Task: Buy quetzal/);
    await card.click('💾 Save');
    await ann.chat.waitForEdit(card, (m) => m.text.startsWith('✅'));
    await ann.user.send(`${TYPED.noteByBot} migration season: the colony moved north early`);
    await ann.chat.nextMessage(/Filed to/);
    await h.call(ann.auth, 'POST', '/api/v1/tasks', {
      title: `Essay on ${TYPED.taskTitle}`,
      description: `notes about ${TYPED.taskDescription}`,
      due_at: '2037-03-09T10:00:00Z',
    });
    await h.call(ann.auth, 'POST', '/api/v1/notes', { text: `Remember the ${TYPED.noteByApi} herd` });

    // The companion chat.
    await ann.user.send(`hello, how is ${TYPED.companion} doing today?`);
    await ann.chat.nextMessage(/can't hold a free conversation/);
    // What it knows about the person: their own words, by the bot and by the Mini App's API.
    await ann.user.send('/profile');
    await (await ann.chat.nextMessage(/Your profile/)).click('✏️ Edit');
    await ann.chat.nextMessage(/Send me the text for your profile/);
    await ann.user.send(`I study ${TYPED.profileByBot} and run in the mornings`);
    await ann.chat.nextMessage(/Saved/);
    await h.call(ann.auth, 'PUT', '/api/v1/companion/profile', {
      interests: [TYPED.profileInterest],
      goals: [`see a ${TYPED.profileGoal}`],
    });
    expect(JSON.stringify(await h.call(ann.auth, 'GET', '/api/v1/companion/profile'))).toContain(
      TYPED.profileByBot,
    );

    // A web booking by a client without Telegram, signed in by a one-time code sent to their e-mail.
    const location = await h.call(admin.auth, 'POST', '/api/v1/booking/locations', {
      name: 'Mitte',
      timezone: 'Europe/Berlin',
    });
    const service = await h.call(admin.auth, 'POST', '/api/v1/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
    });
    const specialist = await h.call(admin.auth, 'POST', '/api/v1/booking/specialists', {
      telegram_id: admin.user.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await h.call(admin.auth, 'PUT', `/api/v1/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });
    const json = { 'content-type': 'application/json' };
    const asked = await h.request('/api/v1/booking/web/login/code', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ identity: TYPED.identity, language: 'en' }),
    });
    expect(asked.status).toBe(202);
    const codes = readFileSync(join(h.t.dataDir, 'login-codes.dev.log'), 'utf8').trim().split('\n');
    const { code } = JSON.parse(codes.at(-1) as string) as { code: string };
    const signedIn = await h.request('/api/v1/booking/web/login/verify', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ identity: TYPED.identity, code }),
    });
    expect(signedIn.status).toBe(200);
    const client = {
      ...json,
      authorization: `Bearer ${((await signedIn.json()) as { token: string }).token}`,
    };
    const { slots } = (await h.call(
      client,
      'GET',
      `/api/v1/booking/slots?service_id=${service.id}&location_id=${location.id}&from=2037-03-04&to=2037-03-04`,
    )) as { slots: Array<{ start: string }> };
    await h.call(client, 'POST', '/api/v1/booking/bookings', {
      service_id: service.id,
      location_id: location.id,
      start: slots[0]?.start,
    });
    // A walk-in the admin books by name and phone (issue 31): the specialist is told their name.
    await h.call(admin.auth, 'POST', '/api/v1/booking/bookings', {
      service_id: service.id,
      location_id: location.id,
      start: slots.at(-1)?.start,
      client: { name: TYPED.walkInName, phone: TYPED.walkInPhone },
    });

    // A new task begun step by step and left half-way: the bot keeps what it was told so far
    // (last, as the open flow takes the chat's next lines).
    await ann.user.send('/new');
    await ann.chat.nextMessage(/What needs doing/);
    await ann.user.send(`Feed the ${TYPED.abandonedFlow}`);
    await ann.chat.nextMessage(/margay/);

    // Everything above reached the database (the API shows it back), and none of it is readable there.
    const tasks = JSON.stringify(await h.call(ann.auth, 'GET', '/api/v1/tasks'));
    expect(tasks).toContain(TYPED.taskTitle);
    expect(tasks).toContain(TYPED.taskByBot);
    const all = JSON.stringify(await h.call(admin.auth, 'GET', '/api/v1/booking/bookings?scope=all'));
    expect(all).toContain(TYPED.walkInName);
    expect(await leaks([...Object.values(TYPED), '442079460666', '7946 0666'])).toEqual([]);
    // The search itself finds what is stored in clear: a location's name is not secret.
    expect(await leaks(['Mitte'])).toContain('public.booking_locations.name: Mitte');
  }, 180_000);
});
