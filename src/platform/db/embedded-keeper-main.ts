// The keeper process (spawned by spawnKeeper): `node embedded-keeper-main.ts <DATA_DIR> <idle seconds>`.
import { createLogger } from '../observability/logger.ts';
import { embeddedCluster } from './embedded-cluster.ts';
import { keep } from './embedded-keeper.ts';

const [dataDir, idle] = process.argv.slice(2);
if (!dataDir || !idle) throw new Error('usage: embedded-keeper-main.ts <DATA_DIR> <idle seconds>');
const logger = createLogger({ level: 'info', pretty: false });
await keep(embeddedCluster(dataDir, { logger }), Number(idle), logger);
process.exit(0);
