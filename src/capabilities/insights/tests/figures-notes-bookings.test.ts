import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { bookingModule } from '../../booking/index.ts';
import { setUpSalonThroughApi } from '../../booking/tests/booking-setup-support.ts';
import { notesModule } from '../../notes/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { insightsModule } from '../index.ts';

// Notes filed per topic and bookings kept / missed, read through the owners' views (note_facts,
// booking_client_facts): only the person's own, only the period's. Monday 2 March 2037, Berlin.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([tasksModule, notesModule, bookingModule, insightsModule]);
}, 120_000);
afterAll(() => h?.close());

describe('notes and bookings in the figures', () => {
  it('counts filed notes per topic and the client’s bookings by outcome, in the period only', async () => {
    const ada = await h.person('Ada');
    const bob = await h.person('Bob');
    const recipes = await h.call(ada.auth, 'POST', '/api/v1/notes/topics', { name: 'Recipes' });
    const travel = await h.call(ada.auth, 'POST', '/api/v1/notes/topics', { name: 'Travel' });
    const file = async (who: typeof ada, text: string, topicId: unknown) => {
      const note = await h.call(who.auth, 'POST', '/api/v1/notes', { text });
      await h.call(who.auth, 'POST', `/api/v1/notes/${note.id}/move`, { topic_id: topicId });
      return note.id as string;
    };
    await file(ada, 'beet soup', recipes.id);
    const pancakes = await file(ada, 'pancakes', recipes.id);
    await file(ada, 'tickets to Lisbon', travel.id);
    const old = await file(ada, 'last year’s stew', recipes.id);
    await h.t.system.database.raw.query(
      "UPDATE notes SET created_at = '2037-02-20T10:00:00Z' WHERE id = $1",
      [old],
    );
    // A pending note is not filed yet.
    await h.t.system.database.raw.query(
      "UPDATE notes SET status = 'pending', topic_id = NULL WHERE id = $1",
      [pancakes],
    );
    const bobTopic = await h.call(bob.auth, 'POST', '/api/v1/notes/topics', { name: 'Bob stuff' });
    await file(bob, 'bob note', bobTopic.id);

    const admin = await h.person('Ann', { roles: ['admin'] });
    const sam = await h.person('Sam');
    const salon = await setUpSalonThroughApi(h, admin.auth, sam.user.id);
    const book = async (who: typeof ada, start: string) =>
      (
        await h.call(who.auth, 'POST', '/api/v1/booking/bookings', {
          service_id: salon.serviceId,
          location_id: salon.locationId,
          specialist_id: salon.specialistId,
          start,
        })
      ).id as string;
    const outcomes: Array<[string, string]> = [
      ['2037-03-03T10:00:00+01:00', 'done'],
      ['2037-03-04T10:00:00+01:00', 'no_show'],
      ['2037-03-04T12:00:00+01:00', 'done'],
      ['2037-03-05T10:00:00+01:00', 'cancelled'],
      ['2037-03-06T10:00:00+01:00', 'confirmed'],
      ['2037-03-10T10:00:00+01:00', 'done'], // next week
    ];
    for (const [start, status] of outcomes) {
      const id = await book(ada, start);
      await h.t.system.database.raw.query('UPDATE bookings SET status = $2 WHERE id = $1', [id, status]);
    }
    await book(bob, '2037-03-03T15:00:00+01:00');

    const stats = await h.call(ada.auth, 'GET', '/api/v1/stats?period=week');
    expect(stats.notes).toEqual({
      filed: 2,
      perTopic: [
        { topic: 'Recipes', filed: 1 },
        { topic: 'Travel', filed: 1 },
      ],
    });
    expect(stats.bookings).toEqual({ kept: 2, noShows: 1, cancelled: 1, upcoming: 1 });
    const month = await h.call(ada.auth, 'GET', '/api/v1/stats?period=month');
    expect(month.bookings).toEqual({ kept: 3, noShows: 1, cancelled: 1, upcoming: 1 });

    // /stats in the bot says it, in the person's language.
    await ada.user.send('/stats');
    const text = (await ada.chat.nextMessage(/Notes filed/)).text;
    expect(text).toContain('Notes filed: 2 (Recipes 1, Travel 1)');
    expect(text).toContain('Bookings: 2 kept · 1 missed · 1 cancelled · 1 upcoming');
    const vera = await h.person('Вера', { language: 'ru' });
    const work = await h.call(vera.auth, 'POST', '/api/v1/notes/topics', { name: 'Работа' });
    await file(vera, 'отчёт для клиента', work.id);
    await vera.user.send('/stats');
    expect((await vera.chat.nextMessage(/Заметок/)).text).toContain('Заметок разложено: 1 (Работа 1)');
  });
});
