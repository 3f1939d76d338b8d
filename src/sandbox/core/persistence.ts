import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Update } from '@grammyjs/types';
import type { UpdateQueue } from '../updates/update-queue.ts';
import type { SandboxLogger } from './clock.ts';
import type { WebhookConfig } from './context.ts';
import type { ChatRecord, CommandsEntry, FileRecord, SandboxStore } from './store.ts';

const FORMAT = 1;

interface Snapshot {
  format: number;
  store: {
    users: SandboxStore['users'] extends Map<number, infer U> ? U[] : never;
    blocked: number[];
    chats: ChatRecord[];
    files: Array<Omit<FileRecord, 'data'> & { data: string }>;
    commands: Array<[string, CommandsEntry]>;
    menuButtons: Array<[string, unknown]>;
    version: number;
    counters: SandboxStore['counters'];
  };
  updates: { nextUpdateId: number; pending: Update[]; allowed: string[] | undefined };
  webhook: WebhookConfig | undefined;
}

interface Parts {
  store: SandboxStore;
  updates: UpdateQueue;
  webhook: { config: WebhookConfig | undefined };
}

function snapshot({ store, updates, webhook }: Parts): Snapshot {
  return {
    format: FORMAT,
    store: {
      users: [...store.users.values()],
      blocked: [...store.blocked],
      // Sparse message arrays would serialise as nulls; keep them dense (deleted ones are flagged, not removed).
      chats: [...store.chats.values()],
      files: [...store.files.values()].map((f) => ({ ...f, data: f.data.toString('base64') })),
      commands: [...store.commands.entries()],
      menuButtons: [...store.menuButtons.entries()],
      version: store.version,
      counters: store.counters,
    },
    updates: updates.snapshot(),
    webhook: webhook.config,
  };
}

/** Loads a state file written by `createStatePersister` into the given parts (no-op when absent). */
export function loadState(path: string, parts: Parts): boolean {
  if (!existsSync(path)) return false;
  const data = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  if (data.format !== FORMAT)
    throw new Error(`sandbox state file ${path} has unsupported format ${data.format}`);
  const { store } = parts;
  store.users = new Map(data.store.users.map((u) => [u.id, u]));
  store.blocked = new Set(data.store.blocked);
  store.chats = new Map(data.store.chats.map((c) => [c.chat.id, c]));
  store.files = new Map(
    data.store.files.map((f) => [f.file_id, { ...f, data: Buffer.from(f.data, 'base64') }]),
  );
  store.commands = new Map(data.store.commands);
  store.menuButtons = new Map(
    data.store.menuButtons as SandboxStore['menuButtons'] extends Map<string, infer V>
      ? Array<[string, V]>
      : never,
  );
  store.version = data.store.version;
  store.counters = data.store.counters;
  parts.updates.restore(data.updates);
  parts.webhook.config = data.webhook;
  return true;
}

export interface StatePersister {
  schedule(): void;
  flush(): Promise<void>;
}

/** Debounced JSON snapshots, written to a temp file and renamed so a crash never leaves half a file. */
export function createStatePersister(
  path: string,
  parts: Parts,
  logger: SandboxLogger,
  delayMs = 200,
): StatePersister {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const write = async (): Promise<void> => {
    const body = JSON.stringify(snapshot(parts));
    const tmp = `${path}.${process.pid}.tmp`;
    // Chats, names and files of the test users: readable by the owner only (0600).
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(tmp, body, { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  };
  const run = (): Promise<void> => {
    timer = undefined;
    writing = writing.then(write).catch((error: unknown) => {
      logger.error({ err: error, path }, 'sandbox could not write its state file');
    });
    return writing;
  };
  return {
    schedule() {
      if (!timer) timer = setTimeout(run, delayMs);
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await run();
      } else await writing;
    },
  };
}
