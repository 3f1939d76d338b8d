import type { Capability, CapabilityDeps } from '../capabilities/capability.ts';
import type { QueueDefinition } from '../platform/jobs/job-queue.ts';

/** Queues of every capability this build ships (pg-boss creates them at startup). */
export const CAPABILITY_QUEUES: readonly QueueDefinition[] = [];

/**
 * Builds every capability, in the order their bot features are installed, handing each the
 * services of the others it depends on. The one place that knows which capabilities exist.
 */
export function buildCapabilities(_deps: CapabilityDeps): Capability[] {
  return [];
}
