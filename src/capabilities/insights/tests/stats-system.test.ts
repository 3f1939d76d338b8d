import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { tasksModule } from '../../tasks/index.ts';
import { insightsModule } from '../index.ts';

// The module mounted as the system mounts it: the stats API behind bearer auth, the PNG chart,
// /stats in the bot (en and ru) and the weekly-report toggle in the one settings API.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([tasksModule, insightsModule]);
}, 120_000);
afterAll(() => h?.close());

async function completedTask(auth: Record<string, string>, title: string) {
  const created = await h.request('/api/v1/tasks', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const done = await h.request(`/api/v1/tasks/${id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ status: 'done' }),
  });
  expect(done.status).toBe(200);
}

describe('insights in the system', () => {
  it('serves the figures and a real PNG chart; refuses a bad period', async () => {
    const { auth } = await h.person('Ada', { timezone: 'Europe/Berlin' });
    await completedTask(auth, 'read a chapter');
    await completedTask(auth, 'write notes');
    const res = await h.request('/api/v1/stats?period=week', { headers: auth });
    expect(res.status).toBe(200);
    const figures = (await res.json()) as {
      tasks: { completed: number; created: number };
      perDay: unknown[];
    };
    expect(figures.tasks).toMatchObject({ completed: 2, created: 2 });
    expect(figures.perDay).toHaveLength(7);

    const bad = await h.request('/api/v1/stats?period=custom&from=2037-03-10&to=2037-03-01', {
      headers: auth,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { code: string }).code).toBe('period_order');
    expect((await h.request('/api/v1/stats?period=week')).status).toBe(401);

    const chart = await h.request('/api/v1/stats/chart.png?period=week', { headers: auth });
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await chart.arrayBuffer()));
    expect(png.width).toBe(800);
    expect(png.height).toBeGreaterThanOrEqual(360);
    // Non-blank: the bars are blue (#3b82f6); count clearly blue pixels.
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4)
      if ((png.data[i + 2] as number) > 200 && (png.data[i] as number) < 100) blue++;
    expect(blue).toBeGreaterThan(1000);
  });

  it('/stats answers with a photo, the figures as caption and period buttons (ru)', async () => {
    const { user, chat } = await h.person('Борис', { language: 'ru', timezone: 'Asia/Novosibirsk' });
    await user.send('/stats');
    const reply = await chat.nextMessage((m) => m.fromBot);
    expect(reply.toJSON().photo?.length ?? 0).toBeGreaterThan(0);
    expect(reply.text).toMatch(/Выполнено: 0/);
    expect(reply.buttons()).toEqual(['• Эта неделя', 'Прошлая неделя', 'Месяц']);
    await reply.click('Месяц');
    const month = await chat.nextMessage((m) => m.fromBot && m.id !== reply.id);
    expect(month.buttons()).toContain('• Месяц');
  });

  it('the weekly report is an opt-in setting backed by the schedule', async () => {
    const { auth, chat, user } = await h.person('Cleo', { timezone: 'America/New_York' });
    await completedTask(auth, 'call the bank');
    const weekly = async () => {
      const body = (await (await h.request('/api/v1/settings', { headers: auth })).json()) as unknown;
      const list = (body as { settings: unknown[] }).settings as Array<{
        key: string;
        value: unknown;
      }>;
      return list.find((s) => s.key === 'insights.weekly')?.value;
    };
    expect(await weekly()).toBe(false);
    const on = await h.request('/api/v1/settings/insights.weekly', {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ value: true }),
    });
    expect(on.status).toBe(200);
    expect(await weekly()).toBe(true);

    // Sunday 8 Mar 2037 is New York's DST day: 19:00 EDT is 23:00Z. Nothing a minute before.
    const since = await lastId(chat);
    await jumpTo(h.clock, '2037-03-08T22:59:00Z');
    await expectSilence(h.clock, chat, since);
    await jumpTo(h.clock, '2037-03-08T23:00:00Z');
    const report = await waitMessage(h.clock, chat, /Your week/, since);
    await expectSilence(h.clock, chat, report.id); // once
    // With the week's chart: the report's own photo (a short report is its caption).
    const photos = (await chat.messages()).filter((m) => m.fromBot && m.id > since && m.data.photo);
    expect(photos).toHaveLength(1);

    // Every number of the insight (the last paragraph) is one of the week's figures.
    // A week later the first token has expired: sign in again (at the firing's clock).
    const { init_data } = await user.webApp();
    const login = await h.request('/api/v1/auth/webapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init_data }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await h.request('/api/v1/stats?period=week', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const figures = (await res.json()) as object;
    const known = new Set<number>();
    const collect = (v: unknown): void => {
      if (typeof v === 'number') known.add(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
    };
    collect(figures);
    const insight = report.text.split('\n\n').at(-1) as string;
    // "around 3:00" is the hour 3 (the ":00" is the template's clock format, not a figure).
    const numbers = (insight.match(/\d+(?::00)?/g) ?? []).map((n) => Number(n.replace(':00', '')));
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(known, `${n} in "${insight}"`).toContain(n);
  });
});
