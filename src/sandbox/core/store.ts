import type { BotCommand, BotCommandScope, Chat, ForumTopic, MenuButton, User } from '@grammyjs/types';
import type { StoredMessage } from './message-view.ts';

export type BotMembership = 'member' | 'administrator' | 'left' | 'kicked';

export interface TopicRecord {
  topic: ForumTopic;
  closed: boolean;
}

export interface ChatRecord {
  chat: Chat;
  memberIds: number[];
  adminIds: number[];
  creatorId: number | undefined;
  botStatus: BotMembership;
  nextMessageId: number;
  /** Indexed by message_id - 1; deleted messages stay, flagged. */
  messages: StoredMessage[];
  topics: TopicRecord[];
  pinned: number[];
}

export type FileKind = 'photo' | 'document' | 'voice' | 'audio' | 'video' | 'animation' | 'sticker';

export interface FileRecord {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  kind: FileKind;
  mime_type: string;
  file_name: string | undefined;
  size: number;
  data: Buffer;
}

export interface CommandsEntry {
  scope: BotCommandScope;
  language_code: string;
  commands: BotCommand[];
}

/** All mutable sandbox state. Plain data so it can be snapshotted to JSON. */
export interface SandboxStore {
  users: Map<number, User>;
  blocked: Set<number>;
  chats: Map<number, ChatRecord>;
  files: Map<string, FileRecord>;
  commands: Map<string, CommandsEntry>;
  /** Key 'default' or a chat id. */
  menuButtons: Map<string, MenuButton>;
  /** Monotonic change counter for message create/edit/delete (the `since_version` cursor). */
  version: number;
  counters: { user: number; group: number; supergroup: number; file: number; callback: number };
}

export function createStore(): SandboxStore {
  return {
    users: new Map(),
    blocked: new Set(),
    chats: new Map(),
    files: new Map(),
    commands: new Map(),
    menuButtons: new Map(),
    version: 0,
    counters: { user: 0, group: 0, supergroup: 0, file: 0, callback: 0 },
  };
}

/** Empties a store in place (other components hold a reference to it). */
export function clearStore(store: SandboxStore): void {
  const fresh = createStore();
  store.users = fresh.users;
  store.blocked = fresh.blocked;
  store.chats = fresh.chats;
  store.files = fresh.files;
  store.commands = fresh.commands;
  store.menuButtons = fresh.menuButtons;
  store.version = 0;
  store.counters = fresh.counters;
}

export function commandsKey(scope: BotCommandScope, languageCode: string): string {
  const s = scope as { type: string; chat_id?: number | string; user_id?: number };
  return [s.type, s.chat_id ?? '', s.user_id ?? '', languageCode].join('|');
}
