// The same module-loading speed-up as `secretary` itself (src/cli/module-loading.ts): each test
// file runs in a fresh process that imports drizzle-orm and the rest natively.
import { speedUpModuleLoading } from '../../src/cli/module-loading.ts';

speedUpModuleLoading();
