import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatIntent,
  messagesOf,
  OP,
  type ScriptedModel,
  scriptedModelEnv,
  startScriptedModel,
} from '../../../../test/support/scripted-model.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';

// The companion's memory across a restart: what the person said before it reaches the model
// readable afterwards (not as sealed `enc1:` strings), while no table keeps those words in clear.
let model: ScriptedModel;
let t: TestSystem;
const SECRET = 'Marmalade-7731';
const REPLY = 'What a lovely name for a cat.';

beforeAll(async () => {
  model = await startScriptedModel({
    rules: [
      { when: OP.understand, reply: (r) => chatIntent(r.text) },
      { when: (r) => r.text.includes('What is my cat called?'), reply: { text: `Your cat is ${SECRET}.` } },
      { when: OP.chat, reply: { text: REPLY } },
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

/** Tables (any schema but the catalog's) with a row whose text contains `needle`. */
async function tablesHolding(needle: string): Promise<string[]> {
  const tables = await t.system.database.raw.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const holding: string[] = [];
  for (const { name } of tables) {
    const [row] = await t.system.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${name} AS r WHERE r::text LIKE $1`,
      [`%${needle}%`],
    );
    if ((row?.n ?? 0) > 0) holding.push(name);
  }
  return holding;
}

describe('the companion across a restart', () => {
  it('sends the model the readable history after a restart, and keeps none of it in clear', async () => {
    const ann = await registeredPerson(t, 'Ann', 'en', 'Europe/Berlin');
    // A question: a statement of three words or more would be filed as a note, not chatted about.
    await ann.user.send(`My cat is called ${SECRET}, did I tell you?`);
    await ann.chat.nextMessage(REPLY);

    await t.restart();
    await t.sb.limits(false);

    await ann.user.send('What is my cat called?');
    await ann.chat.nextMessage(new RegExp(SECRET));
    const second = await model.waitFor((r) => r.text.includes(OP.chat) && r.text.includes('What is my cat'));
    const history = messagesOf(second).filter((m) => m.role !== 'system');
    expect(history).toEqual([
      { role: 'user', content: `My cat is called ${SECRET}, did I tell you?` },
      { role: 'assistant', content: REPLY },
      { role: 'user', content: 'What is my cat called?' },
    ]);
    expect(second.body).not.toContain('enc1:');

    expect(await tablesHolding(SECRET)).toEqual([]);
    expect(await tablesHolding(REPLY)).toEqual([]);
  }, 180_000);
});
