import { afterEach } from 'vitest';

// Marks the file as failed so test-database.ts keeps its PostgreSQL database (and says its name)
// instead of dropping it: the state a failing test left is there to inspect.
afterEach((context) => {
  if (context.task.result?.state === 'fail') process.env.SECRETARY_TEST_FAILED = '1';
});
