import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { aiUsage } from '../../../platform/ai/index.ts';
import { type FakeProvider, startFakeProvider } from '../../../platform/ai/testing/fake-provider-server.ts';
import { tasksModule } from '../../tasks/index.ts';
import { insightsModule } from '../index.ts';

// The weekly report with a provider configured: a real HTTP server speaking the OpenAI-compatible
// wire format answers the insight request. A grounded answer is sent; one with a number that is not
// among the figures is dropped for the template insight; so is a failed call.
let h: CapabilityHarness;
let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider('openai-compatible');
  h = await startCapabilityHarness([tasksModule, insightsModule], {
    env: {
      AI_PROVIDER: 'openai-compatible',
      AI_MODEL: 'llama3.1',
      AI_API_KEY: 'test-key',
      AI_BASE_URL: provider.url,
      AI_MAX_RETRIES: '0',
    },
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await provider?.close();
});

async function completedTask(auth: Record<string, string>, title: string) {
  const created = await h.request('/api/v1/tasks', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title }),
  });
  const { id } = (await created.json()) as { id: string };
  const done = await h.request(`/api/v1/tasks/${id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ status: 'done' }),
  });
  expect(done.status).toBe(200);
}

async function weeklyOn(auth: Record<string, string>) {
  const on = await h.request('/api/v1/settings/insights.weekly', {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ value: true }),
  });
  expect(on.status).toBe(200);
}

const answer = (text: string) => ({ text: JSON.stringify({ text }) });
const insightOf = (report: { text: string }) => report.text.split('\n\n').at(-1);

describe('the weekly report with a model', () => {
  it('sends a grounded model insight (ru), and the template when the model invents a number or fails (en)', async () => {
    // Monday 2 Mar 2037 08:00Z: Moscow 11:00, New York 03:00 (busiest hour of the week for Cleo).
    const boris = await h.person('Борис', { language: 'ru', timezone: 'Europe/Moscow' });
    const cleo = await h.person('Cleo', { timezone: 'America/New_York' });
    await completedTask(boris.auth, 'прочитать главу');
    await completedTask(boris.auth, 'написать конспект');
    await completedTask(cleo.auth, 'call the bank');
    await weeklyOn(boris.auth);
    await weeklyOn(cleo.auth);

    // (a) Moscow's Sunday 19:00 is 16:00Z: the model's insight uses only the week's figures.
    const grounded = 'За неделю вы выполнили 2 задачи — хорошее начало. Больше всего успеваете около 11:00.';
    provider.enqueue({ ...answer(grounded), inputTokens: 420, outputTokens: 37 });
    const asked = provider.requests.length;
    let since = await lastId(boris.chat);
    await jumpTo(h.clock, '2037-03-08T16:00:00Z');
    const ru = await waitMessage(h.clock, boris.chat, /Ваша неделя/, since);
    expect(insightOf(ru)).toBe(grounded);
    expect(ru.text).toContain('✅ Выполнено: 2');
    const request = provider.requests[asked]?.body ?? '';
    expect(request).toContain('Russian');
    expect(request).toContain('Use ONLY numbers');
    expect(request).toMatch(/\\"completed\\":2/);
    await expectSilence(h.clock, boris.chat, ru.id);
    // The call counts against Boris's daily token budget (his Moscow date).
    const usage = await h.t.system.database.db.select().from(aiUsage).where(eq(aiUsage.userId, boris.userId));
    expect(usage).toMatchObject([{ day: '2037-03-08', inputTokens: 420, outputTokens: 37 }]);

    // (b) New York's Sunday 19:00 is 23:00Z (the DST day): "93%" is no figure, so the template speaks.
    provider.enqueue(answer('You completed 93% of your tasks — 12 more than last week!'));
    since = await lastId(cleo.chat);
    await jumpTo(h.clock, '2037-03-08T23:00:00Z');
    const en = await waitMessage(h.clock, cleo.chat, /Your week/, since);
    expect(insightOf(en)).toBe('You get most done around 3:00; plan the hard things then.');
    expect(en.text).not.toContain('93');

    // (c) A week later the provider fails (HTTP 500): the template again, the report still goes out.
    provider.enqueue({ status: 500 });
    since = await lastId(cleo.chat);
    await jumpTo(h.clock, '2037-03-15T23:00:00Z');
    const failed = await waitMessage(h.clock, cleo.chat, /Your week/, since);
    expect(insightOf(failed)).toBe('A quiet week. One small task tomorrow starts a new streak.');
  });
});
