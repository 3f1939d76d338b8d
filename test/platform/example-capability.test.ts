import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartInboxModule } from '../../src/capabilities/smart-inbox/index.ts';
import { type CapabilityHarness, startCapabilityHarness } from '../support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../support/clock-waits.ts';
import { exampleModule } from './example-capability/index.ts';

// One capability folder (test/platform/example-capability) plugged in with no platform edit:
// each extension point of the contract, seen from the outside.

let h: CapabilityHarness;
let ada: Awaited<ReturnType<CapabilityHarness['person']>>;
let cleo: Awaited<ReturnType<CapabilityHarness['person']>>;
beforeAll(async () => {
  h = await startCapabilityHarness([exampleModule, smartInboxModule]);
  ada = await h.person('Ada');
  cleo = await h.person('Cleo', { roles: ['curator'] });
});
afterAll(() => h?.close());

describe('an example capability plugs in through the contract', () => {
  it('serves a public route without a token, and a role-only route only to the role', async () => {
    const open = await h.request('/api/v1/example/public');
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ hello: 'world' });

    expect((await h.request('/api/v1/example/curated')).status).toBe(401);
    const denied = await h.request('/api/v1/example/curated', { headers: ada.auth });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'role_required' });
    const allowed = await h.request('/api/v1/example/curated', { headers: cleo.auth });
    expect(await allowed.json()).toEqual({ hello: 'Cleo' });
  });

  it('contributes settings to the one settings API, validated', async () => {
    const before = (await (await h.request('/api/v1/settings', { headers: ada.auth })).json()) as {
      settings: Array<{ key: string; value: unknown }>;
    };
    expect(before.settings).toEqual([
      { key: 'example.cheer', kind: 'toggle', value: false },
      { key: 'example.tone', kind: 'choice', choices: ['calm', 'loud'], value: 'calm' },
    ]);
    const bad = await h.request('/api/v1/settings/example.tone', {
      method: 'PUT',
      headers: ada.auth,
      body: JSON.stringify({ value: 'shouty' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'setting_invalid' });
    const unknown = await h.request('/api/v1/settings/example.nope', {
      method: 'PUT',
      headers: ada.auth,
      body: JSON.stringify({ value: true }),
    });
    expect(unknown.status).toBe(404);
    const set = await h.request('/api/v1/settings/example.cheer', {
      method: 'PUT',
      headers: ada.auth,
      body: JSON.stringify({ value: true }),
    });
    expect(await set.json()).toEqual({ key: 'example.cheer', kind: 'toggle', value: true });
  });

  it('shows its settings in /settings, where a button changes them', async () => {
    const since = await lastId(ada.chat);
    await ada.user.send('/settings');
    const menu = await waitMessage(h.clock, ada.chat, /Settings/, since);
    expect(menu.text).toContain('Cheerful mornings: on');
    expect(menu.text).toContain('Tone: calm');
    await menu.click('Tone');
    const edited = await ada.chat.waitForEdit(menu, /Tone: loud/);
    expect(edited.text).toContain('Tone: loud');
  });

  it('lists its command in /help and its entry in /menu', async () => {
    let since = await lastId(ada.chat);
    await ada.user.send('/help');
    const help = await waitMessage(h.clock, ada.chat, /\/ideas/, since);
    expect(help.text).toContain('/ideas — your ideas');
    since = await lastId(ada.chat);
    await ada.user.send('/menu');
    const menu = await waitMessage(h.clock, ada.chat, /Main menu/, since);
    since = await lastId(ada.chat);
    await menu.click('💡 Ideas');
    expect((await waitMessage(h.clock, ada.chat, /^Ideas: /, since)).text).toBe('Ideas: 0');
  });

  it('receives what the smart inbox files into its inbox target', async () => {
    let since = await lastId(ada.chat);
    await ada.user.send('idea: paint the fence green');
    const card = await waitMessage(h.clock, ada.chat, /Idea/, since);
    expect(card.text.split('\n')[0]).toMatch(/^💡 Idea: idea:? paint the fence green$/i);
    since = await lastId(ada.chat);
    await card.click('💾 Save');
    await ada.chat.waitForEdit(card, /Idea kept/);
    await ada.user.send('/ideas');
    expect((await waitMessage(h.clock, ada.chat, /^Ideas: /, since)).text).toBe('Ideas: 1');
  });

  it('runs a schedule at the user’s local time, once, reading its setting', async () => {
    let since = await lastId(ada.chat);
    await ada.user.send('/morning');
    await waitMessage(h.clock, ada.chat, /Morning note on/, since);
    // 09:00 in Berlin (UTC+1 in March) is 08:00 UTC; it is 09:00 now, so the first one is tomorrow.
    since = await lastId(ada.chat);
    await jumpTo(h.clock, '2037-03-03T07:59:00Z');
    await expectSilence(h.clock, ada.chat, since, 8);
    await jumpTo(h.clock, '2037-03-03T08:00:00Z');
    expect((await waitMessage(h.clock, ada.chat, /Good morning/, since)).text).toBe('Good morning!!!');
    since = await lastId(ada.chat);
    await expectSilence(h.clock, ada.chat, since, 8);
  });

  it('serves its web page under /app/<capability>', async () => {
    const page = await h.request('/app/example');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<h1>Example page</h1>');
  });
});
