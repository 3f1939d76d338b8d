import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookingHarness, startBookingHarness } from './booking-harness.ts';
import { type Business, setUpBusiness } from './booking-setup-support.ts';

// Monday 1 June 2026, 08:00 in Berlin (UTC+2).
let h: BookingHarness;
let biz: Business;
let carol: string;
beforeAll(async () => {
  h = await startBookingHarness('2026-06-01T06:00:00Z');
  biz = await setUpBusiness(h);
  carol = (await h.users.upsertFromTelegram({ id: 9101, first_name: 'Carol' })).id;
});
afterAll(() => h.close());

const problem = async (res: Response, status: number, code?: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { code: string; detail?: string };
  if (code) expect(body.code).toBe(code);
  return body;
};

describe('date exceptions API', () => {
  const path = () => `/specialists/${biz.specialistId}/exceptions`;
  it('adds, lists from today, removes; slots follow', async () => {
    const slots = async (day: string) =>
      (
        (await (
          await h.call(
            carol,
            'GET',
            `/slots?service_id=${biz.serviceId}&location_id=${biz.locationId}&from=${day}&to=${day}`,
          )
        ).json()) as { slots: unknown[] }
      ).slots.length;
    expect(await slots('2026-06-03')).toBeGreaterThan(0);
    const off = await h.call(biz.admin, 'POST', path(), { location_id: biz.locationId, day: '2026-06-03' });
    expect(off.status).toBe(201);
    const row = (await off.json()) as { id: string; kind: string; start: null };
    expect(row).toMatchObject({ kind: 'day_off', start: null, day: '2026-06-03' });
    expect(await slots('2026-06-03')).toBe(0);
    const extra = await h.call(biz.admin, 'POST', path(), {
      location_id: biz.locationId,
      day: '2026-06-06',
      start: '10:00',
      end: '12:00',
    });
    expect(extra.status).toBe(201);
    expect(await slots('2026-06-13')).toBe(0);
    // Saturday has no weekly hours: only the extra 10:00–12:00 opens it.
    expect(await slots('2026-06-06')).toBeGreaterThan(0);
    const list = (await (await h.call(biz.admin, 'GET', path())).json()) as {
      exceptions: Array<{ day: string; kind: string; start: string | null; end: string | null }>;
    };
    expect(list.exceptions.map((e) => [e.day, e.kind, e.start, e.end])).toEqual([
      ['2026-06-03', 'day_off', null, null],
      ['2026-06-06', 'extra', '10:00', '12:00'],
    ]);
    expect((await h.call(biz.admin, 'DELETE', `${path()}/${row.id}`)).status).toBe(204);
    expect(await slots('2026-06-03')).toBeGreaterThan(0);
    await problem(await h.call(biz.admin, 'DELETE', `${path()}/${row.id}`), 404, 'booking_exception_missing');
  });

  it('refuses half a range, a date that does not exist, an unknown location, and non-admins', async () => {
    const add = (body: unknown, user = biz.admin) => h.call(user, 'POST', path(), body);
    await problem(
      await add({ location_id: biz.locationId, day: '2026-06-10', start: '10:00' }),
      400,
      'booking_hours_invalid',
    );
    await problem(
      await add({ location_id: biz.locationId, day: '2026-06-10', start: '12:00', end: '10:00' }),
      400,
      'booking_hours_invalid',
    );
    await problem(await add({ location_id: biz.locationId, day: '2026-02-30' }), 422); // no such day: checked at the edge
    await problem(
      await add({ location_id: '00000000-0000-4000-8000-000000000000', day: '2026-06-10' }),
      404,
      'booking_specialist_missing',
    );
    await problem(await add({ location_id: biz.locationId, day: '2026-06-10' }, carol), 403);
    await problem(await h.call(carol, 'GET', path()), 403);
  });
});

describe('notification settings API', () => {
  it('lists every switchable notice, on by default; staff have no Web Push cell', async () => {
    const res = await h.call(biz.admin, 'GET', '/notification-settings');
    expect(res.status).toBe(200);
    const { settings } = (await res.json()) as {
      settings: Array<{ event: string; recipient_role: string; channel: string; enabled: boolean }>;
    };
    expect(settings.every((s) => s.enabled)).toBe(true);
    expect(settings.filter((s) => s.event === 'booking_done')).toEqual([
      {
        event: 'booking_done',
        recipient_role: 'admin',
        channel: 'telegram',
        enabled: true,
        ad_template_id: null,
      },
    ]);
    expect(settings.filter((s) => s.channel === 'web_push').every((s) => s.recipient_role === 'client')).toBe(
      true,
    );
  });

  it('switches a cell off with a footer template; refuses unknown cells and templates as a whole', async () => {
    const created = await h.call(biz.admin, 'POST', '/ad-templates', { text: '  10% off next visit  ' });
    expect(created.status).toBe(201);
    const template = (await created.json()) as { id: string; text: string; active: boolean };
    expect(template).toMatchObject({ text: '10% off next visit', active: true });

    const put = await h.call(biz.admin, 'PUT', '/notification-settings', {
      settings: [
        { event: 'booking_cancelled', recipient_role: 'admin', channel: 'telegram', enabled: false },
        {
          event: 'booking_cancelled',
          recipient_role: 'specialist',
          channel: 'telegram',
          ad_template_id: template.id,
        },
      ],
    });
    expect(put.status).toBe(200);
    const after = (await put.json()) as {
      settings: Array<{
        event: string;
        recipient_role: string;
        enabled: boolean;
        ad_template_id: string | null;
      }>;
    };
    const cell = (role: string) =>
      after.settings.find((s) => s.event === 'booking_cancelled' && s.recipient_role === role);
    expect(cell('admin')).toMatchObject({ enabled: false, ad_template_id: null });
    expect(cell('specialist')).toMatchObject({ enabled: true, ad_template_id: template.id });

    const unknown = await problem(
      await h.call(biz.admin, 'PUT', '/notification-settings', {
        settings: [
          { event: 'booking_cancelled', recipient_role: 'specialist', channel: 'telegram', enabled: false },
          { event: 'booking_done', recipient_role: 'client', channel: 'telegram', enabled: false },
        ],
      }),
      400,
      'booking_notice_cell_unknown',
    );
    expect(unknown.detail).toContain('booking_done/client/telegram');
    await problem(
      await h.call(biz.admin, 'PUT', '/notification-settings', {
        settings: [
          {
            event: 'booking_created',
            recipient_role: 'admin',
            channel: 'telegram',
            ad_template_id: '00000000-0000-4000-8000-000000000000',
          },
        ],
      }),
      404,
      'booking_ad_template_missing',
    );
    // Nothing of the refused changes stuck.
    const now = (await (await h.call(biz.admin, 'GET', '/notification-settings')).json()) as typeof after;
    expect(
      now.settings.find((s) => s.event === 'booking_cancelled' && s.recipient_role === 'specialist'),
    ).toMatchObject({ enabled: true });
    await problem(
      await h.call(biz.admin, 'PUT', '/notification-settings', {
        settings: [{ event: 'booking_sneezed', recipient_role: 'admin', channel: 'telegram', enabled: true }],
      }),
      400,
    );
    await problem(
      await h.call(biz.admin, 'PUT', '/notification-settings', {
        settings: [{ event: 'booking_created', recipient_role: 'admin', channel: 'telegram' }],
      }),
      400,
    );
    await problem(await h.call(carol, 'GET', '/notification-settings'), 403);
  });

  it('ad templates: list, change, delete (cells lose the footer); bad input is a clear 400', async () => {
    const list = (await (await h.call(biz.admin, 'GET', '/ad-templates')).json()) as {
      templates: Array<{ id: string; text: string }>;
    };
    const [first] = list.templates;
    if (!first) throw new Error('no template from the test before');
    const changed = await h.call(biz.admin, 'PUT', `/ad-templates/${first.id}`, { active: false });
    expect(await changed.json()).toMatchObject({ id: first.id, active: false });
    await problem(await h.call(biz.admin, 'PUT', `/ad-templates/${first.id}`, {}), 400);
    await problem(await h.call(biz.admin, 'POST', '/ad-templates', { text: 'x'.repeat(301) }), 400);
    await problem(await h.call(carol, 'POST', '/ad-templates', { text: 'mine' }), 403);
    expect((await h.call(biz.admin, 'DELETE', `/ad-templates/${first.id}`)).status).toBe(204);
    await problem(
      await h.call(biz.admin, 'DELETE', `/ad-templates/${first.id}`),
      404,
      'booking_ad_template_missing',
    );
    const { settings } = (await (await h.call(biz.admin, 'GET', '/notification-settings')).json()) as {
      settings: Array<{ ad_template_id: string | null }>;
    };
    expect(settings.every((s) => s.ad_template_id === null)).toBe(true);
  });
});
