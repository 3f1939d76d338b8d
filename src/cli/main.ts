// The `secretary` command. Module loading is set up before anything else is imported.
import { speedUpModuleLoading } from './module-loading.ts';

speedUpModuleLoading();
await import('./program.ts');
