import type { ChaosRun, Tally } from './chaos-harness.ts';

export interface ScenarioResult extends Tally {
  scenario: string;
  ambiguous: number;
  /** ms from spawn to "up" for each restart after a kill. */
  restarts: number[];
}

const DRAIN_MS = 240_000;

async function finish(run: ChaosRun, scenario: string, restarts: number[], drainMs = DRAIN_MS) {
  const tally = await run.drained(drainMs);
  return { scenario, ...tally, ambiguous: run.ambiguous(), restarts };
}

/**
 * All lines as one burst; the bot is killed (SIGKILL) `kills` times while it drains them, and
 * restarted; with `restartDatabase`, the database is restarted once more under the running bot.
 */
export async function burstWithKills(
  run: ChaosRun,
  options: { lines: number; kills: number; label?: string; restartDatabase?: () => Promise<void> | void },
): Promise<ScenarioResult> {
  run.beginScenario();
  const total = run.people.length * options.lines;
  const sending = run.send(options.lines);
  const restarts: number[] = [];
  const events = options.kills + (options.restartDatabase ? 1 : 0);
  for (let k = 1; k <= events; k++) {
    await run.repliesReach(Math.floor((total * k) / (events + 1)), DRAIN_MS);
    if (k > options.kills && options.restartDatabase) {
      await options.restartDatabase();
      continue;
    }
    await run.kill();
    restarts.push(await run.start());
  }
  await sending;
  return finish(run, options.label ?? `burst, ${options.kills} × kill -9 while draining`, restarts);
}

/** sendMessage answers a mix of 429s (retry_after 1–3 s) and 500s for `seconds` while people write. */
export async function faultStorm(
  run: ChaosRun,
  options: { lines: number; seconds: number },
): Promise<ScenarioResult> {
  run.beginScenario();
  const until = Date.now() + options.seconds * 1000;
  const storm = (async () => {
    while (Date.now() < until) {
      await run.sb.faults.add({
        method: 'sendMessage',
        status: 429,
        retry_after: 1 + Math.floor(Math.random() * 3),
        count: 2,
      });
      await run.sb.faults.add({ method: 'sendMessage', status: 500, count: 2 });
      await new Promise((r) => setTimeout(r, 250));
    }
    await run.sb.faults.clear();
  })();
  await run.send(options.lines, options.seconds * 1000 * 0.8);
  await storm;
  return finish(run, `sendMessage 429/500 mixed for ${options.seconds} s`, []);
}

/** The next `count` sendMessage calls are answered 429 with a long retry_after. */
export async function longRetryAfter(
  run: ChaosRun,
  options: { lines: number; retryAfter: number; count: number },
): Promise<ScenarioResult> {
  run.beginScenario();
  await run.sb.faults.add({
    method: 'sendMessage',
    status: 429,
    retry_after: options.retryAfter,
    count: options.count,
  });
  await run.send(options.lines);
  return finish(
    run,
    `${options.count} sendMessage calls answered 429, retry_after ${options.retryAfter}`,
    [],
  );
}

export function formatTable(rows: Array<ScenarioResult & { database: string; people: number }>): string {
  const lines = [
    '| database | scenario | sent | replied | lost | duplicates | order | "Sorry" | ambiguous | restart to up |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const restarts = r.restarts.length
      ? r.restarts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')
      : '—';
    lines.push(
      `| ${r.database} | ${r.scenario} | ${r.sent} | ${r.replied} | ${r.lost} | ${r.duplicates} | ${r.order} | ${r.sorry} | ${r.ambiguous} | ${restarts} |`,
    );
  }
  return lines.join('\n');
}
