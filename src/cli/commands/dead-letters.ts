import { Api } from 'grammy';
import { migrate } from '../../platform/db/migrate.ts';
import { UPDATES_QUEUE } from '../../platform/inbox/inbox-store.ts';
import { listDeadUpdates, replayDeadUpdates } from '../../platform/inbox/update-worker.ts';
import { createJobRuntime } from '../../platform/jobs/job-queue.ts';
import { createQueueAdmin } from '../../platform/jobs/pg-boss/queue-admin.ts';
import { createMetrics } from '../../platform/observability/metrics.ts';
import { createNotifier, NOTIFY_QUEUES } from '../../platform/telegram/index.ts';
import { NOTIFY_QUEUE } from '../../platform/telegram/notify-queue.ts';
import { configOrExit, exitOnStartupError, loggerFor, withDatabase } from './shared.ts';

/**
 * Shows parked notifications, updates and other queues' dead jobs; `--replay` puts them back in
 * line (after a fix). Other queues go back through pg-boss's redrive (the admin Queues page's way).
 */
export async function deadLettersCommand(
  env: Record<string, string | undefined>,
  replay: boolean,
): Promise<void> {
  const config = configOrExit(env);
  const logger = loggerFor(config);
  try {
    await withDatabase(config, async (database) => {
      await migrate(database);
      const runtime = createJobRuntime({
        database,
        logger,
        metrics: createMetrics({ defaultMetrics: false }),
        queues: [UPDATES_QUEUE, ...NOTIFY_QUEUES],
        maintenance: false,
      });
      await runtime.start();
      // Listing and replaying never call Telegram: the API object is only a required dependency.
      const notifier = createNotifier({
        jobs: runtime.jobs,
        api: new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot }),
        database,
        logger,
      });
      const notifications = await notifier.listDeadLetters();
      const updates = await listDeadUpdates(runtime.jobs);
      for (const n of notifications) {
        process.stdout.write(
          `notify  ${n.id}  chat ${n.message.chatId}  ${n.deadSince.toISOString()}  ${n.error ?? ''}\n`,
        );
      }
      for (const u of updates) {
        process.stdout.write(
          `update  ${u.jobId}  update ${u.updateId}  ${u.deadSince.toISOString()}  ${u.error ?? ''}\n`,
        );
      }
      const queues = createQueueAdmin({ jobs: runtime.jobs, replayers: () => ({}) });
      const own = new Set([NOTIFY_QUEUE, UPDATES_QUEUE.name]);
      const others = (await queues.summary()).filter((q) => q.dead > 0 && !own.has(q.name));
      const jobs = (await Promise.all(others.map((q) => queues.listDead(q.name, { limit: 10_000 })))).flat();
      for (const j of jobs) {
        process.stdout.write(`${j.queue}  ${j.id}  ${j.deadSince.toISOString()}  ${j.error ?? ''}\n`);
      }
      process.stdout.write(
        `${notifications.length} dead notification(s), ${updates.length} dead update(s), ${jobs.length} dead job(s) in other queues\n`,
      );
      if (replay) {
        const n = await notifier.replayDeadLetters();
        const u = await replayDeadUpdates({ db: database.db, jobs: runtime.jobs });
        let o = 0;
        for (const j of jobs) {
          // A job whose key is held right now stays parked (and is listed next time).
          if (
            await queues.replay(j.queue, j.id).then(
              () => true,
              () => false,
            )
          )
            o++;
        }
        process.stdout.write(
          `replayed ${n} notification(s), ${u} update(s) and ${o} other job(s); running workers will take them\n`,
        );
      }
      await runtime.stop(2000);
    });
  } catch (error) {
    exitOnStartupError(error, logger);
  }
}
