import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxClient, type SandboxClient, type SandboxUser } from '../../src/sandbox/client.ts';
import { startSandboxServer } from '../../src/sandbox/standalone.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';

/**
 * The bot as an operator runs it (the real CLI, long polling) against the standalone sandbox, with
 * people who each send numbered lines that every one should get a card for. What happened is read
 * back from the sandbox's call log: which line got a reply, how often, in which order.
 */
export interface ChaosRun {
  sb: SandboxClient;
  people: SandboxUser[];
  app(): SecretaryProcess;
  /** Starts (or restarts) the bot; resolves with the ms from spawn to "up". */
  start(): Promise<number>;
  kill(): Promise<void>;
  /** Every person sends `lines` numbered lines; `spreadMs` spreads each person's lines over that time. */
  send(lines: number, spreadMs?: number): Promise<void>;
  /** Starts a scenario: from now on tally() and ambiguous() count only what is sent after this. */
  beginScenario(): void;
  tally(): Promise<Tally>;
  /** Resolves when every line sent got a reply (or rejects with the tally after `timeoutMs`). */
  drained(timeoutMs: number): Promise<Tally>;
  /** Resolves once this many replies went out (for timing a kill during the drain). */
  repliesReach(count: number, timeoutMs?: number): Promise<void>;
  /** Sends logged as ambiguous (the process died with them in flight) since the scenario began. */
  ambiguous(): number;
  close(): Promise<void>;
}

export interface Tally {
  sent: number;
  replied: number;
  lost: number;
  duplicates: number;
  order: number;
  /** "Sorry, something went wrong" answers (a failure the person sees). */
  sorry: number;
}

const TOKEN = '4242:chaos-harness-token';

export async function startChaosRun(options: {
  people: number;
  /** Extra environment: DATABASE_URL + ENCRYPTION_KEY for PostgreSQL. */
  env?: Record<string, string>;
  name?: string;
  upTimeoutMs?: number;
}): Promise<ChaosRun> {
  const telegram = await startSandboxServer({ port: 0, token: TOKEN, limits: false });
  const sb = createSandboxClient(telegram.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'secretary-chaos-'));
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_INGRESS: 'polling',
    TELEGRAM_LIMITS: 'off',
    FLOOD_MAX_UPDATES: '100000',
    LOG_LEVEL: 'info',
    ...options.env,
  };
  const processes: SecretaryProcess[] = [];
  let current: SecretaryProcess | null = null;
  const sent = new Map<number, number[]>(); // chat id → message ids of its lines, in send order
  const scenarioStart = new Map<number, number>(); // chat id → index in `sent` where the scenario began
  let ambiguousBefore = 0;
  const countAmbiguous = () =>
    processes.reduce((n, p) => n + (p.output().match(/ambiguous send/g) ?? []).length, 0);

  const start = async () => {
    const t0 = performance.now();
    current = spawnSecretary(['start'], env);
    processes.push(current);
    await current.url(options.upTimeoutMs ?? 240_000);
    return performance.now() - t0;
  };
  try {
    await start();
  } catch (error) {
    for (const p of processes) await p.stop('SIGKILL');
    await telegram.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const people: SandboxUser[] = [];
  const prefix = options.name ?? 'chaos';
  for (let i = 0; i < options.people; i++) {
    const user = await sb.user(`${prefix}-${i}`, { first_name: `P${i}`, language_code: 'en' });
    people.push(user);
    sent.set(user.id, []);
  }
  // Onboarding first (it is not what is measured): /start, then a timezone.
  await Promise.all(
    people.map(async (user) => {
      const chat = user.privateChat();
      await user.send('/start');
      await chat.nextMessage(/time ?zone|city/i, { timeoutMs: 120_000 });
      await user.send('Europe/Berlin');
      await chat.nextMessage(/Timezone set/, { timeoutMs: 120_000 });
    }),
  );
  await sb.clearCalls();

  const tally = async (): Promise<Tally> => {
    const calls = await sb.calls('sendMessage');
    const replies = new Map<number, number[]>();
    let sorry = 0;
    for (const call of calls) {
      if (!call.response_ok) continue;
      const chatId = Number(call.params.chat_id);
      const target = (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
      if (target === undefined) {
        if (/something went wrong/i.test(String(call.params.text))) sorry++;
        continue;
      }
      if (!sent.has(chatId)) continue;
      const list = replies.get(chatId) ?? [];
      list.push(target);
      replies.set(chatId, list);
    }
    const result: Tally = { sent: 0, replied: 0, lost: 0, duplicates: 0, order: 0, sorry };
    for (const [chatId, all] of sent) {
      const ids = all.slice(scenarioStart.get(chatId) ?? 0);
      const got = (replies.get(chatId) ?? []).filter((id) => ids.includes(id));
      const unique = new Set(got);
      result.sent += ids.length;
      result.replied += unique.size;
      result.duplicates += got.length - new Set(got).size;
      for (let i = 1; i < got.length; i++) if ((got[i] ?? 0) < (got[i - 1] ?? 0)) result.order++;
    }
    result.lost = result.sent - result.replied;
    return result;
  };

  const until = async (probe: () => Promise<boolean>, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  return {
    sb,
    people,
    app: () => current as SecretaryProcess,
    start,
    async kill() {
      await current?.stop('SIGKILL');
    },
    async send(lines, spreadMs = 0) {
      await Promise.all(
        people.map(async (user) => {
          for (let n = 1; n <= lines; n++) {
            const message = await user.send(`buy milk ${n}`);
            sent.get(user.id)?.push(message.id);
            if (spreadMs > 0) await new Promise((r) => setTimeout(r, spreadMs / lines));
          }
        }),
      );
    },
    beginScenario() {
      for (const [chatId, ids] of sent) scenarioStart.set(chatId, ids.length);
      ambiguousBefore = countAmbiguous();
    },
    tally,
    async drained(timeoutMs) {
      let last: Tally | null = null;
      let steadySince = Date.now();
      let previous = -1;
      try {
        await until(
          async () => {
            last = await tally();
            if (last.replied !== previous) {
              previous = last.replied;
              steadySince = Date.now();
            }
            // Done when every line is answered — or when the only ones missing are logged ambiguous
            // sends (never repeated, by design) and nothing has moved for 15 s: waiting longer
            // cannot bring them.
            const onlyAmbiguous = last.lost <= countAmbiguous() - ambiguousBefore;
            return last.lost === 0 || (onlyAmbiguous && Date.now() - steadySince > 15_000);
          },
          timeoutMs,
          'every line answered',
        );
      } catch {
        return last ?? tally();
      }
      return last ?? tally();
    },
    async repliesReach(count, timeoutMs = 120_000) {
      await until(async () => (await tally()).replied >= count, timeoutMs, `${count} replies`);
    },
    ambiguous: () => countAmbiguous() - ambiguousBefore,
    async close() {
      for (const p of processes) await p.stop('SIGKILL');
      // CHAOS_LOG=<file>: keep the bot's logs of the run, for reading what went wrong.
      if (process.env.CHAOS_LOG)
        appendFileSync(process.env.CHAOS_LOG, processes.map((p) => p.output()).join('\n--- restart ---\n'));
      await telegram.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
