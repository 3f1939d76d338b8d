import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatIntent,
  messagesOf,
  OP,
  type ScriptedModel,
  type ScriptedRequest,
  scriptedModelEnv,
  startScriptedModel,
} from '../../../../test/support/scripted-model.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';
import { KEEP_MESSAGES, SUMMARISE_AT } from '../conversation-service.ts';

// A conversation with the companion against the scripted model: what the model is sent each turn
// (the last messages verbatim, older ones folded into a summary once there are SUMMARISE_AT), and
// /reset starting afresh. Lines end in "?" so that they are conversation (not notes) offline too.
let model: ScriptedModel;
let t: TestSystem;

const lastUserLine = (r: ScriptedRequest) => messagesOf(r).findLast((m) => m.role === 'user')?.content ?? '';
beforeAll(async () => {
  model = await startScriptedModel({
    rules: [
      { when: OP.understand, reply: (r) => chatIntent(r.text) },
      {
        when: OP.summary,
        reply: (r) => ({ json: { summary: r.text.includes('Вопрос') ? 'СВОДКА-РУ' : 'SUMMARY-EN' } }),
      },
      { when: OP.chat, reply: (r) => ({ text: `Re: ${lastUserLine(r)}` }) },
    ],
  });
  t = await startTestSystem(scriptedModelEnv(model));
  // The local Telegram's own pacing (1 msg/s per chat) would defer replies and re-run turns.
  await t.sb.limits(false);
}, 300_000);
afterAll(async () => {
  await t?.close();
  await model?.close();
});

const SAY = {
  en: { line: (i: number) => `Question ${i}?`, language: 'English', reset: /forgotten our conversation/ },
  ru: { line: (i: number) => `Вопрос ${i}?`, language: 'Russian', reset: /забыл наш разговор/ },
};

describe.each(['en', 'ru'] as const)('a conversation with the model (%s)', (lang) => {
  it('sends the recent history, folds older turns into a summary at the threshold, and /reset forgets', async () => {
    const s = SAY[lang];
    const person = await registeredPerson(t, `Talk ${lang}`, lang, 'Europe/Berlin');
    /** One turn: the reply in the chat, and the chat request the model received for it. */
    const turn = async (line: string) => {
      await person.user.send(line);
      await person.chat.nextMessage(`Re: ${line}`);
      const request = await model.waitFor((r) => r.text.startsWith(OP.chat) && lastUserLine(r) === line);
      return { request, history: messagesOf(request).filter((m) => m.role !== 'system') };
    };
    const system = (r: ScriptedRequest) => messagesOf(r).find((m) => m.role === 'system')?.content ?? '';

    await turn(s.line(1));
    const second = await turn(s.line(2));
    expect(second.history).toEqual([
      { role: 'user', content: s.line(1) },
      { role: 'assistant', content: `Re: ${s.line(1)}` },
      { role: 'user', content: s.line(2) },
    ]);
    expect(system(second.request)).toContain(`Reply in ${s.language}`);

    // Turn k stores its line as the (2k-1)th message: the summary comes at the turn reaching SUMMARISE_AT.
    const summaryTurn = Math.ceil((SUMMARISE_AT + 1) / 2);
    let before: Awaited<ReturnType<typeof turn>> = second;
    for (let i = 3; i < summaryTurn; i++) before = await turn(s.line(i));
    expect(before.history).toHaveLength(KEEP_MESSAGES);
    expect(before.history.map((m) => m.content)).not.toContain(s.line(1));
    expect(system(before.request)).not.toContain('summarised');
    expect(model.requests.filter((r) => r.text.startsWith(OP.summary))).toHaveLength(lang === 'en' ? 0 : 1);

    const after = await turn(s.line(summaryTurn));
    const summary = await model.waitFor((r) => r.text.startsWith(OP.summary) && r.text.includes(s.line(1)));
    // Folded: everything but the last KEEP_MESSAGES, oldest first; the window stays verbatim.
    const folded = 2 * summaryTurn - 1 - KEEP_MESSAGES;
    expect(summary.text).toContain(`user: ${s.line(Math.ceil(folded / 2))}`);
    expect(summary.text).not.toContain(`user: ${s.line(Math.ceil(folded / 2) + 1)}`);
    expect(system(after.request)).toContain(
      `Earlier conversation, summarised: ${lang === 'en' ? 'SUMMARY-EN' : 'СВОДКА-РУ'}`,
    );
    expect(after.history).toHaveLength(KEEP_MESSAGES);
    expect(after.history.at(-1)).toEqual({ role: 'user', content: s.line(summaryTurn) });

    await person.user.send('/reset');
    await person.chat.nextMessage(s.reset);
    const fresh = await turn(s.line(100));
    expect(fresh.history).toEqual([{ role: 'user', content: s.line(100) }]);
    expect(system(fresh.request)).not.toContain('summarised');
  }, 240_000);
});
