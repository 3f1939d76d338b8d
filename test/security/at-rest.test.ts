import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../src/capabilities/smart-inbox/draft-store.ts';
import { type FakeProvider, startFakeProvider } from '../../src/platform/ai/testing/fake-provider-server.ts';
import { SEALED_SHAPE } from '../../src/platform/crypto/keyring.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// Issue 29, High 1: one Telegram message could stop the server from starting again. The
// companion's conversation columns were marked encrypted but mapped as plain text, so
// `enc1:zzzzzzzz:AAAA` was stored as typed and the start-up key check took it for text sealed under
// an unknown key. Ordinary messages sat in clear until the next start sealed them, and after it
// the companion read its own history as ciphertext.

const LOOKALIKE = 'enc1:zzzzzzzz:AAAA';
const sealed = new RegExp(SEALED_SHAPE);
let provider: FakeProvider;
let t: TestSystem;
let ann: Awaited<ReturnType<typeof registeredPerson>>;

beforeAll(async () => {
  provider = await startFakeProvider('openai-compatible');
  t = await startTestSystem({
    AI_PROVIDER: 'openai-compatible',
    AI_MODEL: 'llama3.1',
    AI_API_KEY: 'test-key',
    AI_BASE_URL: provider.url,
    AI_MAX_RETRIES: '0',
    AI_BREAKER_FAILURES: '5',
  });
  ann = await registeredPerson(t, 'Ann', 'en', 'Europe/Berlin');
}, 90_000);
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** One line to the companion: the smart inbox's model call fails (rules read it: not a task), the chat answers. */
async function chat(line: string, answer: string) {
  provider.enqueue({ status: 500 }, { text: answer });
  await ann.user.send(line);
  await ann.chat.nextMessage(new RegExp(answer));
}

const storedConversation = () =>
  t.testDb.database.raw
    .query<{ text: string }>('SELECT text FROM companion_messages ORDER BY created_at, id')
    .then((rows) => rows.map((r) => r.text));

describe('the companion conversation at rest', () => {
  it('stores a message shaped like sealed text sealed, and the server starts again', async () => {
    await chat(LOOKALIKE, 'Noted, friend.');
    const stored = await storedConversation();
    expect(stored).toHaveLength(2);
    for (const value of stored) {
      expect(value).toMatch(sealed);
      expect(value).not.toMatch(/zzzzzzzz|Noted/);
    }
    await t.restart();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('reads its history in clear after a restart (the model sees what was said, not ciphertext)', async () => {
    await chat('good morning, how are you?', 'Fine, thanks.');
    await t.restart(); // the start seals whatever is still in clear (before the fix: all of it)
    await chat('hello, how are you?', 'Second answer.');
    const request = provider.requests.at(-1)?.body ?? '';
    expect(request).toContain(LOOKALIKE);
    expect(request).toContain('Noted, friend.');
    expect(request).toContain('good morning, how are you?');
    expect(request).not.toMatch(/enc1:[0-9a-f]{8}:/);
  });
});

describe('the start-up key check', () => {
  const setFirstMessage = (value: string) =>
    t.testDb.database.raw.query(
      `UPDATE companion_messages SET text = $1
        WHERE id = (SELECT id FROM companion_messages ORDER BY created_at, id LIMIT 1)`,
      [value],
    );

  it('treats stored text that only looks sealed as plaintext: the start goes on and seals it', async () => {
    // As a database written before this fix holds it: typed text, in clear, in an encrypted column.
    await setFirstMessage('enc1:deadbeef:AAAA');
    await t.restart();
    const [first] = await storedConversation();
    expect(first).toMatch(sealed);
    expect(first).not.toContain('deadbeef');
  });

  it('refuses to start on a value sealed under a key it does not have, saying which key and where', async () => {
    await setFirstMessage(`enc1:deadbeef:${randomBytes(40).toString('base64')}`);
    await expect(t.restart()).rejects.toThrow(
      /encrypted with key deadbeef, but ENCRYPTION_KEY is key [0-9a-f]{8}.*found in companion_messages\.text/,
    );
    // The operator removes (or restores) the value: the start goes on.
    await setFirstMessage('restored by the operator');
    await t.restart();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

describe("the smart inbox's drafts", () => {
  it('are gone once resolved, and expire when nobody answers their card', async () => {
    const drafts = createDraftStore(t.testDb.database.db);
    const count = async () =>
      (await t.testDb.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_drafts'))[0]?.n;
    await ann.user.send('buy cardamom tomorrow 10:00');
    const card = await ann.chat.nextMessage(/Task: Buy cardamom/);
    expect(await count()).toBe(1);
    await card.click('💾 Save');
    await ann.chat.waitForEdit(card, (m) => m.text.startsWith('✅'));
    expect(await count()).toBe(0);

    await ann.user.send('buy saffron tomorrow 11:00');
    await ann.chat.nextMessage(/Task: Buy saffron/);
    const [stored] = await t.testDb.database.raw.query<{ source_text: string }>(
      'SELECT source_text FROM inbox_drafts',
    );
    expect(stored?.source_text).toMatch(sealed);
    expect(await drafts.pruneUntouchedSince(new Date(Date.now() - 60_000))).toBe(0);
    expect(await drafts.pruneUntouchedSince(new Date(Date.now() + 60_000))).toBe(1);
  });
});
