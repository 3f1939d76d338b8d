import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider, startFakeProvider } from '../../src/platform/ai/testing/fake-provider-server.ts';
import type { SandboxChat } from '../../src/sandbox/client.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let provider: FakeProvider;
let t: TestSystem;
let en: SandboxChat;
let ru: SandboxChat;
let authorization = '';

const topics = [{ id: 'health', name: 'Health', keywords: ['doctor'] }];
const good = JSON.stringify({
  topicId: 'health',
  confidence: 0.93,
  title: 'Dentist',
  tags: ['dentist'],
  alternatives: [{ topicId: 'health', confidence: 0.93 }],
});
const classify = async () => {
  const res = await fetch(`${t.url}/api/v1/ai/classify`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Book the dentist', topics }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { source: string }).source;
};
const tick = () => (t.system.alerts as NonNullable<typeof t.system.alerts>).tick();

beforeAll(async () => {
  // A real HTTP server speaking the OpenAI-compatible wire format; it answers 500 unless scripted.
  provider = await startFakeProvider('openai-compatible');
  t = await startTestSystem({
    AI_PROVIDER: 'openai-compatible',
    AI_MODEL: 'llama3.1',
    AI_API_KEY: 'test-key',
    AI_BASE_URL: provider.url,
    AI_MAX_RETRIES: '0',
    AI_BREAKER_FAILURES: '2',
    AI_BREAKER_COOLDOWN_MS: '0',
  });
  const ada = await registeredPerson(t, 'Ada', 'en', 'Europe/London');
  const boris = await registeredPerson(t, 'Борис', 'ru', 'Europe/Moscow');
  for (const admin of [ada, boris])
    await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'system' });
  [en, ru] = [ada.chat, boris.chat];
  const { init_data } = await ada.user.webApp();
  const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
}, 60_000);
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

describe('the AI circuit breaker', () => {
  it('opening alerts the admins; a good answer closes it and they hear "resolved"', async () => {
    await tick();
    expect(await classify()).toBe('offline'); // 500
    expect(await classify()).toBe('offline'); // 500: the breaker opens
    await tick();
    expect((await en.nextMessage(/Alert: the AI provider openai-compatible keeps failing/)).text).toContain(
      'offline templates',
    );
    expect((await ru.nextMessage(/Тревога: AI-провайдер openai-compatible/)).text).toContain('офлайн');

    provider.enqueue({ text: good, inputTokens: 12, outputTokens: 7 });
    expect(await classify()).toBe('model'); // half-open → a success closes it
    await tick();
    expect((await en.nextMessage(/Resolved: the AI provider answers again/)).text).toMatch(/failed from/);
    expect((await ru.nextMessage(/Отбой: AI-провайдер снова отвечает/)).text).toMatch(/ошибался с/);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/^ai_requests_total\{provider="openai-compatible",outcome="error"\} 2$/m);
    expect(metrics).toMatch(/^ai_requests_total\{provider="openai-compatible",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^ai_tokens_total\{provider="openai-compatible",direction="output"\} 7$/m);
    expect(metrics).toMatch(/^ai_circuit_open\{provider="openai-compatible",engine="llm"\} 0$/m);
  }, 60_000);
});
