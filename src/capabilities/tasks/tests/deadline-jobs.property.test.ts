import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEADLINE_QUEUE_NAME, type DeadlineJob, impliedNotifications } from '../deadline-schedule.ts';
import type { Task } from '../task-types.ts';
import { type ServiceHarness, startServiceHarness } from './service-harness.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await startServiceHarness(new Date('2026-03-02T10:00:00Z'));
});
afterAll(() => h.close());

const HOUR = 3_600_000;
const dueHours = fc.option(fc.integer({ min: -30, max: 60 }), { nil: null });
const action = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), due: dueHours }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), due: dueHours }),
  fc.record({ kind: fc.constant('complete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reopen' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 26 * 60 }) }),
  fc.record({
    kind: fc.constant('offsets' as const),
    offsets: fc.uniqueArray(fc.constantFrom(15, 60, 120, 1440, 2880), { minLength: 1, maxLength: 3 }),
  }),
);

type Key = string;
const key = (taskId: string, offset: number, at: Date) => `${taskId}/${offset}/${at.toISOString()}`;

let telegramId = 50_000;

it('pending deadline jobs always match what the tasks imply, whatever the sequence', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
      const { userId } = await h.signIn(telegramId++);
      h.clock.now = new Date('2026-03-02T10:00:00Z');
      const tasks = new Map<string, Task>();
      let offsets = [1440, 60];
      // What the scheduler must have queued: per task, the notifications implied when it last changed.
      const scheduled = new Map<string, Set<Key>>();
      const plan = (task: Task) =>
        scheduled.set(
          task.id,
          new Set(
            impliedNotifications(task, offsets, h.clock.now).map((n) =>
              key(task.id, n.offsetMinutes, n.notifyAt),
            ),
          ),
        );
      const pickTask = (n: number) => [...tasks.values()][n % Math.max(1, tasks.size)];
      const dueAt = (hours: number | null) =>
        hours === null ? null : new Date(h.clock.now.getTime() + hours * HOUR);

      for (const a of actions) {
        if (a.kind === 'create') {
          const task = await h.service.create(userId, { title: 't', dueAt: dueAt(a.due) });
          tasks.set(task.id, task);
          plan(task);
        } else if (a.kind === 'advance') {
          h.clock.now = new Date(h.clock.now.getTime() + a.minutes * 60_000);
        } else if (a.kind === 'offsets') {
          offsets = [...a.offsets].sort((x, y) => y - x);
          await h.service.updateSettings(userId, { deadlineOffsets: offsets });
          // Every open task with a deadline still ahead is planned afresh.
          for (const task of tasks.values()) {
            if (task.dueAt && task.dueAt >= h.clock.now && ['todo', 'in_progress'].includes(task.status))
              plan(task);
          }
        } else {
          const task = pickTask(a.pick);
          if (!task) continue;
          if (a.kind === 'remove') {
            await h.service.remove(userId, task.id);
            tasks.delete(task.id);
            scheduled.delete(task.id);
            continue;
          }
          const patch =
            a.kind === 'move' ? { dueAt: dueAt(a.due) } : { status: a.kind === 'complete' ? 'done' : 'todo' };
          const updated = await h.service.update(
            userId,
            task.id,
            patch as Parameters<typeof h.service.update>[2],
          );
          const changed =
            updated.dueAt?.getTime() !== task.dueAt?.getTime() ||
            (updated.status === 'done') !== (task.status === 'done');
          tasks.set(task.id, updated);
          if (changed) plan(updated);
        }

        const pending = await h.runtime.jobs.pending<DeadlineJob>(DEADLINE_QUEUE_NAME, { userId });
        const actual = new Set(pending.map((j) => key(j.data.taskId, j.data.offsetMinutes, j.startAfter)));
        const expected = new Set([...scheduled.values()].flatMap((s) => [...s]));
        expect([...actual].sort()).toEqual([...expected].sort());
        // Exactly the notifications the task states imply, among those still ahead.
        const ahead = [...actual].filter((k) => new Date(k.split('/')[2] as string) > h.clock.now).sort();
        const implied = [...tasks.values()]
          .flatMap((t) =>
            impliedNotifications(t, offsets, h.clock.now).map((n) => key(t.id, n.offsetMinutes, n.notifyAt)),
          )
          .sort();
        expect(ahead).toEqual(implied);
        // Never two jobs for one task and offset.
        expect(pending.length).toBe(actual.size);
      }
    }),
    { numRuns: 60 },
  );
}, 240_000);
