import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aiConfigSchema } from '../ai-config.ts';
import { createAi } from '../create-ai.ts';
import { createMemoryUsageStore } from '../usage-store.ts';
import { plausibleRules } from './plausible-answers.ts';
import { createRecordingLogger } from './recording-logger.ts';
import { type ScriptedModel, startScriptedModel } from './scripted-model.ts';

// `npm run fake-model` is only useful if every operation accepts its answers: each call below
// must come back from the model, not from the offline fallback.
let model: ScriptedModel;
beforeAll(async () => {
  model = await startScriptedModel({ rules: plausibleRules });
});
afterAll(() => model.close());

describe('the standalone scripted model', () => {
  it('gives every AI operation an answer the app accepts', async () => {
    const ai = createAi({
      config: aiConfigSchema.parse({
        AI_PROVIDER: 'openai-compatible',
        AI_MODEL: 'scripted',
        AI_BASE_URL: model.url,
        STT_PROVIDER: 'openai-compatible',
        STT_BASE_URL: model.url,
        AI_MAX_RETRIES: '0',
      }),
      usageStore: createMemoryUsageStore(),
      clock: { now: () => new Date('2026-03-02T09:00:00Z') },
      logger: createRecordingLogger(),
    });
    const topics = [
      { id: 't1', name: 'Work', keywords: ['client'] },
      { id: 't2', name: 'Health', keywords: ['doctor'] },
    ];
    const filed = await ai.classifyNote({ note: { text: 'Call the doctor about results' }, topics });
    expect(filed).toMatchObject({ source: 'model', value: { topicId: 't2' } });
    const understood = await ai.understand({
      text: 'how are you?',
      timezone: 'Europe/Berlin',
      now: new Date(),
    });
    expect(understood).toMatchObject({ source: 'model', value: { intent: 'chat' } });
    const rendered = await ai.renderNote({
      note: { text: 'milk, eggs' },
      topicName: 'Home',
      style: { preset: 'detailed' },
    });
    expect(rendered.source).toBe('model');
    const insight = await ai.writeInsight({
      language: 'ru',
      tasksCreated: 3,
      tasksCompleted: 2,
      completionRate: 0.67,
      overdueCount: 0,
      streakDays: 1,
    });
    expect(insight.source).toBe('model');
    expect(insight.value.text).not.toMatch(/\d/);
    const chat = await ai.chat({
      history: [{ role: 'user', content: 'привет' }],
      profile: { language: 'ru' },
    });
    expect(chat.value.reply).toContain('привет');
    const decision = await ai.generate({
      op: 'companion.checkin',
      system: 'You decide whether a personal assistant should write to its user first, and write it.',
      prompt: JSON.stringify({ trigger: 'inactivity', suggestion: 'Hi Ada, one small step?' }),
      schema: z.object({ action: z.enum(['send', 'skip']), text: z.string(), reason: z.string() }),
      offline: () => ({ action: 'skip' as const, text: '', reason: 'offline' }),
    });
    expect(decision).toMatchObject({
      source: 'model',
      value: { action: 'send', text: 'Hi Ada, one small step?' },
    });
    const heard = await ai.transcribe({ audio: new Uint8Array([1, 2, 3]), language: 'en' });
    expect(heard.value.text).toBe('Buy milk tomorrow at 10');
  });
});
