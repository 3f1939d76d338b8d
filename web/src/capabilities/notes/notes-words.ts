// The Notes page's words in both languages; a missing translation is a type error.
import type { Language } from '../../api.ts';

const en = {
  all: 'All',
  inbox: 'Inbox',
  topics: 'Topics',
  searchPlaceholder: 'Search notes',
  search: 'Find',
  clear: 'Clear',
  empty: 'No notes here yet. Send any thought to the bot and it keeps it as a note.',
  noMatch: 'Nothing matches “{q}”. Try another word or clear the search.',
  pending: 'waiting for a topic',
  moveTo: 'Move to…',
  fileInto: 'File into…',
  moved: 'Moved to {topic}',
  delete: 'Delete',
  deleted: 'Note deleted',
  undo: 'Undo',
  restored: 'Note kept',
  manageTopics: 'Manage topics',
  newTopic: 'New topic name',
  create: 'Create',
  created: 'Topic “{topic}” created',
  rename: 'Rename',
  renamed: 'Topic renamed to “{topic}”',
  save: 'Save',
  close: 'Close',
  reopen: 'Reopen',
  closed: 'closed',
  topicClosed: 'Topic “{topic}” closed: new notes no longer go there',
  topicReopened: 'Topic “{topic}” reopened',
  done: 'Done',
};

const ru: typeof en = {
  all: 'Все',
  inbox: 'Входящие',
  topics: 'Темы',
  searchPlaceholder: 'Поиск по заметкам',
  search: 'Найти',
  clear: 'Сбросить',
  empty: 'Здесь пока нет заметок. Отправьте боту любую мысль — он сохранит её заметкой.',
  noMatch: 'Ничего не нашлось по «{q}». Попробуйте другое слово или сбросьте поиск.',
  pending: 'ждёт темы',
  moveTo: 'Перенести в…',
  fileInto: 'Разложить в…',
  moved: 'Перенесено в «{topic}»',
  delete: 'Удалить',
  deleted: 'Заметка удалена',
  undo: 'Вернуть',
  restored: 'Заметка осталась',
  manageTopics: 'Темы',
  newTopic: 'Название новой темы',
  create: 'Создать',
  created: 'Тема «{topic}» создана',
  rename: 'Переименовать',
  renamed: 'Тема теперь называется «{topic}»',
  save: 'Сохранить',
  close: 'Закрыть',
  reopen: 'Открыть снова',
  closed: 'закрыта',
  topicClosed: 'Тема «{topic}» закрыта: новые заметки туда не попадут',
  topicReopened: 'Тема «{topic}» снова открыта',
  done: 'Готово',
};

export type NoteWords = (key: keyof typeof en, vars?: Record<string, string>) => string;

export function noteWords(language: Language): NoteWords {
  const table = language === 'ru' ? ru : en;
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}
