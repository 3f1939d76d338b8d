import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationStore } from '../conversation-store.ts';
import { createRetention } from '../retention.ts';
import { splitReply } from '../split-reply.ts';
import { companionFixture } from './companion-fixture.ts';

describe('splitting long replies', () => {
  it('cuts at paragraph boundaries and keeps every word', () => {
    const paragraph = (n: number) => `${'word '.repeat(n).trim()}.`;
    const text = [paragraph(300), paragraph(300), paragraph(300)].join('\n\n');
    const parts = splitReply(text, 4096);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.endsWith('.')).toBe(true);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join('\n\n')).toBe(text);
  });
  it('splits one huge paragraph at sentence ends', () => {
    const text = 'A short sentence here. '.repeat(400).trim();
    const parts = splitReply(text, 1000);
    expect(parts.every((p) => p.length <= 1000 && p.endsWith('.'))).toBe(true);
    expect(parts.join(' ')).toBe(text);
  });
});

describe('retention', () => {
  let f: Awaited<ReturnType<typeof companionFixture>>;
  beforeAll(async () => {
    f = await companionFixture({ start: '2037-01-01T12:00:00Z' });
  });
  afterAll(() => f.close());

  it('deletes exactly the activity and conversation older than the window', async () => {
    const userId = await f.person(3001);
    const store = createConversationStore(f.db);
    // One entry a day for 100 days, at noon UTC.
    for (let day = 0; day < 100; day++) {
      const at = new Date(Date.UTC(2037, 0, 1 + day, 12));
      f.clock.set(at.toISOString());
      await f.activity.record(userId, 'task.done', { day });
      await store.append(userId, 'user', `message ${day}`, at);
    }
    // "Now" is day 99 at noon; the window is 90 days: days 0–8 are older, day 9 is exactly on the edge (kept).
    const retention = createRetention({
      db: f.db,
      activity: f.activity,
      conversation: store,
      days: 90,
      now: f.clock.now,
    });
    const result = await retention();
    expect(result).toMatchObject({ activity: 9, messages: 9 });
    const left = await store.unsummarised(userId, null);
    expect(left[0]?.text).toBe('message 9');
    expect(left).toHaveLength(91);
    expect(await retention()).toMatchObject({ activity: 0, messages: 0 });
  });
});
