// The broadcast composer's words in both languages; a missing translation is a type error.
import type { Language } from '../api.ts';

const en = {
  compose: 'New broadcast',
  text: 'Text',
  textHint: 'What everyone in the segment gets, as one message',
  segment: 'Who gets it',
  all: 'Everyone',
  active: 'Active in the last 7 days',
  ru: 'Russian speakers',
  en: 'English speakers',
  admins: 'Admins',
  preview: 'Preview',
  recipients: 'Recipients: {n}',
  start: 'Send',
  discard: 'Discard',
  started: 'Sending to {n}',
  discarded: 'Discarded',
  nobody: 'Nobody is in this segment; choose another.',
};

const ru: typeof en = {
  compose: 'Новая рассылка',
  text: 'Текст',
  textHint: 'Что получит каждый в сегменте, одним сообщением',
  segment: 'Кому',
  all: 'Всем',
  active: 'Активным за 7 дней',
  ru: 'Русскоязычным',
  en: 'Англоязычным',
  admins: 'Админам',
  preview: 'Предпросмотр',
  recipients: 'Получателей: {n}',
  start: 'Отправить',
  discard: 'Не отправлять',
  started: 'Отправляется: {n}',
  discarded: 'Отменено',
  nobody: 'В этом сегменте никого нет; выберите другой.',
};

export type BroadcastWord = keyof typeof en;
export const broadcastWords =
  (language: Language) =>
  (key: BroadcastWord, vars: Record<string, string | number> = {}) =>
    (language === 'ru' ? ru : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
