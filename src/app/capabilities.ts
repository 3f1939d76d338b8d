import { bookingModule } from '../capabilities/booking/index.ts';
import type { AnyCapabilityModule } from '../capabilities/capability.ts';
import { companionModuleWith } from '../capabilities/companion/index.ts';
import { insightsModule } from '../capabilities/insights/index.ts';
import { notesModule } from '../capabilities/notes/index.ts';
import { remindersModule } from '../capabilities/reminders/index.ts';
import { smartInboxModule } from '../capabilities/smart-inbox/index.ts';
import { tasksModule } from '../capabilities/tasks/index.ts';
import type { Config } from '../platform/config/config.ts';

/**
 * The capabilities this build ships — the one list to edit when adding one. Order is the order
 * their bot features see a message (a provider is built before its consumers whatever the order);
 * the smart inbox is last, taking the free text nothing before it claimed.
 */
export const capabilityModules = (config: Pick<Config, 'companion'>): readonly AnyCapabilityModule[] => [
  tasksModule,
  remindersModule,
  bookingModule,
  notesModule,
  insightsModule,
  smartInboxModule,
  // After the smart inbox: free text it did not claim is conversation.
  companionModuleWith(config.companion),
];

/** The shipped list with default settings (for what does not depend on them: roles, declarations). */
export const CAPABILITY_MODULES = capabilityModules({ companion: { retentionDays: 90, inactiveDays: 3 } });
