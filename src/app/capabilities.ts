import { bookingModule } from '../capabilities/booking/index.ts';
import type { Capability, CapabilityDeps } from '../capabilities/capability.ts';
import { inboxModule } from '../capabilities/inbox/inbox-module.ts';
import { noTasks, remindersModule } from '../capabilities/reminders/index.ts';
import { tasksModule } from '../capabilities/tasks/index.ts';
import type { QueueDefinition } from '../platform/jobs/job-queue.ts';

/** Queues of every capability this build ships (pg-boss creates them at startup). */
export const CAPABILITY_QUEUES: readonly QueueDefinition[] = [
  ...tasksModule.queues,
  ...remindersModule.queues,
  ...inboxModule.queues,
  ...bookingModule.queues,
];

/**
 * Builds every capability, in the order their bot features are installed, handing each the
 * services of the others it depends on. The one place that knows which capabilities exist.
 */
export function buildCapabilities(deps: CapabilityDeps): Capability[] {
  const tasks = tasksModule.create(deps, {});
  const reminders = remindersModule.create(deps, { tasks: tasks.service ?? noTasks });
  const tasksService = tasks.service;
  const remindersService = reminders.service;
  if (!tasksService || !remindersService) throw new Error('tasks and reminders must expose their services');
  // Last: the smart inbox takes the free text nothing before it claimed.
  const booking = bookingModule.create(deps, {});
  const inbox = inboxModule.create(deps, { tasks: tasksService, reminders: remindersService });
  return [tasks, reminders, booking, inbox];
}
