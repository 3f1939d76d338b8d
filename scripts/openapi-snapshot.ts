// `npm run api:snapshot`: writes the document the running system serves (/openapi.json) to
// docs/openapi.json, the committed contract that web/src/api-types.ts is generated from
// (`npm run api:types`) and Redocly lints (`npm run lint:api`). The whole system starts in this
// process on a throwaway database (TEST_DATABASE_URL, else an embedded PostgreSQL), exactly as the
// contract test (test/e2e/api-contract.e2e.test.ts) starts it to check the file has not drifted.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestSystem } from '../test/support/test-system.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const t = await startTestSystem();
try {
  const doc = await (await fetch(`${t.url}/openapi.json`)).json();
  writeFileSync(target, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`wrote ${target}\n`);
} finally {
  await t.close();
}
// pg pools and the job runtime may keep timers for a moment after close; the file is written.
process.exit(0);
