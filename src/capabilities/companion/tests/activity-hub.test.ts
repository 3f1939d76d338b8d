import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { bookingModule } from '../../booking/index.ts';
import { setUpSalonThroughApi } from '../../booking/tests/booking-setup-support.ts';
import { notesModule } from '../../notes/index.ts';
import { remindersModule } from '../../reminders/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { companionModule } from '../index.ts';

// What a person does in tasks, reminders and notes reaches the companion's activity log through
// the platform's activity hub, in the same transaction as the change (the input of the profile,
// the journey stage and the inactivity trigger). The modules never import the companion.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([
    tasksModule,
    remindersModule,
    notesModule,
    bookingModule,
    companionModule,
  ]);
}, 120_000);
afterAll(() => h?.close());

async function activityOf(userId: string) {
  return h.t.system.database.raw.query<{ kind: string; details: Record<string, unknown> }>(
    'SELECT kind, details FROM companion_activity WHERE user_id = $1 ORDER BY at, id',
    [userId],
  );
}

describe('activity from other capabilities', () => {
  it('records tasks, reminders and notes as they happen, only the person’s own', async () => {
    const ada = await h.person('Ada');
    const bob = await h.person('Bob');
    const before = (await activityOf(ada.userId)).length;

    const task = await h.call(ada.auth, 'POST', '/api/v1/tasks', {
      title: 'Essay draft',
      due_at: '2037-03-03T10:00:00Z',
    });
    await h.call(ada.auth, 'PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' });
    // Done again is not a second completion.
    await h.call(ada.auth, 'PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' });

    const reminder = await h.call(ada.auth, 'POST', '/api/v1/reminders', {
      text: 'Call mum',
      due_at: '2037-03-02T12:00:00Z',
    });
    const window = (await h.call(
      ada.auth,
      'GET',
      '/api/v1/reminders/occurrences?from=2037-03-02T00:00:00Z&to=2037-03-03T00:00:00Z',
    )) as { items: Array<{ occurrence_id: string | null; reminder_id: string }> };
    const occurrence = window.items.find((i) => i.reminder_id === reminder.id)?.occurrence_id;
    expect(occurrence).toBeTruthy();
    await h.call(ada.auth, 'POST', `/api/v1/reminders/occurrences/${occurrence}/snooze`, {
      until: '2037-03-02T13:00:00Z',
    });
    await h.call(ada.auth, 'POST', `/api/v1/reminders/occurrences/${occurrence}/done`);

    const topic = await h.call(ada.auth, 'POST', '/api/v1/notes/topics', {
      name: 'Recipes',
      keywords: ['soup', 'recipe'],
    });
    const other = await h.call(ada.auth, 'POST', '/api/v1/notes/topics', {
      name: 'Travel',
      keywords: ['trip'],
    });
    const note = await h.call(ada.auth, 'POST', '/api/v1/notes', { text: 'beet soup recipe from grandma' });
    await h.call(ada.auth, 'POST', `/api/v1/notes/${note.id}/move`, { topic_id: other.id });

    const kinds = (await activityOf(ada.userId)).slice(before).map((a) => a.kind);
    // A note filed at once is `note.filed`, then the Move is a correction; a pending one is filed by the Move.
    const noteKinds = note.status === 'filed' ? ['note.filed', 'note.moved'] : ['note.filed'];
    expect(kinds).toEqual([
      'task.created',
      'task.done',
      'reminder.created',
      'reminder.snoozed',
      'reminder.done',
      ...noteKinds,
    ]);
    const rows = await activityOf(ada.userId);
    expect(rows.find((r) => r.kind === 'task.done')?.details).toMatchObject({
      taskId: task.id,
      onTime: true,
    });
    expect(rows.find((r) => r.kind === 'reminder.done')?.details).toMatchObject({ reminderId: reminder.id });
    expect(rows.at(-1)?.details).toMatchObject({ noteId: note.id, topicId: other.id });
    expect(topic.id).not.toBe(other.id);
    expect((await activityOf(bob.userId)).map((a) => a.kind)).not.toContain('task.done');
  });

  it('records a booking for the client who made it and for whoever moves it', async () => {
    const admin = await h.person('Ann', { roles: ['admin'] });
    const sam = await h.person('Sam');
    const cleo = await h.person('Cleo');
    const salon = await setUpSalonThroughApi(h, admin.auth, sam.user.id);
    const booking = await h.call(cleo.auth, 'POST', '/api/v1/booking/bookings', {
      service_id: salon.serviceId,
      location_id: salon.locationId,
      specialist_id: salon.specialistId,
      start: '2037-03-04T10:00:00+01:00',
    });
    await h.call(cleo.auth, 'POST', `/api/v1/booking/bookings/${booking.id}/cancel`);
    const cleos = (await activityOf(cleo.userId)).filter((a) => a.kind.startsWith('booking.'));
    expect(cleos.map((a) => a.kind)).toEqual(['booking.created', 'booking.cancel']);
    expect(cleos[1]?.details).toMatchObject({ bookingId: booking.id, role: 'client' });
    expect((await activityOf(admin.userId)).map((a) => a.kind)).not.toContain('booking.created');
  });

  it('a change that fails records nothing', async () => {
    const cy = await h.person('Cy');
    const before = await activityOf(cy.userId);
    const res = await h.request('/api/v1/tasks', {
      method: 'POST',
      headers: cy.auth,
      body: JSON.stringify({ title: 'Linked', topic_id: '00000000-0000-7000-8000-000000000000' }),
    });
    expect(res.status).toBe(404);
    expect(await activityOf(cy.userId)).toEqual(before);
  });
});
