import type { CapabilityModule } from '../capabilities/capability.ts';

/** Every capability this build ships, in the order their bot features are installed. */
export const CAPABILITY_MODULES: readonly CapabilityModule[] = [];
