// The profile page's words in both languages; a missing translation is a type error.
import type { Language } from '../../api.ts';

const en = {
  intro: 'What the assistant knows about you. It uses this to pick its tone and its suggestions.',
  summary: 'Summary',
  interests: 'Interests',
  goals: 'Goals',
  preferredTimes: 'Preferred times',
  stage: 'Where you are',
  progress: 'Progress: {percent}%',
  noProgress: 'Not judged yet: the first reading comes with the nightly refresh.',
  none: '—',
  empty: 'Nothing yet: the assistant writes this once a day from what you do, or you can write it yourself.',
  editedByYou: 'Edited by you: the daily refresh keeps your words.',
  refreshedAt: 'Last refreshed {when}',
  neverRefreshed: 'Not refreshed yet',
  edit: 'Edit',
  erase: 'Erase',
  eraseQuestion: 'Erase what the assistant knows about you? Your tasks, reminders and notes stay.',
  eraseConfirm: 'Yes, erase',
  erased: 'Profile erased',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Profile saved',
  summaryPlaceholder: 'What should the assistant know about you?',
  interestPlaceholder: 'An interest',
  goalPlaceholder: 'A goal',
  timesPlaceholder: 'e.g. mornings before 10',
  addInterest: 'Add an interest',
  addGoal: 'Add a goal',
  remove: 'Remove “{item}”',
  listLimit: 'up to {items}, each up to {length} characters',
  fixSummary: 'Shorten the text to {max} characters.',
  fixInterests: 'Keep up to {items} interests of up to {length} characters each.',
  fixGoals: 'Keep up to {items} goals of up to {length} characters each.',
  fixTimes: 'Shorten the times to {max} characters.',
  fixBelow: 'The profile was not saved: fix the marked fields and save again.',
  'stage-newcomer': 'Just started',
  'stage-settling-in': 'Settling in',
  'stage-regular': 'Regular',
  'stage-drifting-away': 'Away for a while',
};

const ru: typeof en = {
  intro: 'Что ассистент знает о вас. По этому он выбирает тон и подсказки.',
  summary: 'Кратко о вас',
  interests: 'Интересы',
  goals: 'Цели',
  preferredTimes: 'Удобное время',
  stage: 'Где вы сейчас',
  progress: 'Прогресс: {percent}%',
  noProgress: 'Ещё не оценён: первая оценка придёт с ночным обновлением.',
  none: '—',
  empty: 'Пока пусто: ассистент пишет это раз в день по вашим действиям — или напишите сами.',
  editedByYou: 'Изменено вами: ежедневное обновление сохранит ваши слова.',
  refreshedAt: 'Обновлено {when}',
  neverRefreshed: 'Ещё не обновлялось',
  edit: 'Изменить',
  erase: 'Стереть',
  eraseQuestion: 'Стереть всё, что ассистент знает о вас? Задачи, напоминания и заметки останутся.',
  eraseConfirm: 'Да, стереть',
  erased: 'Профиль стёрт',
  cancel: 'Отмена',
  save: 'Сохранить',
  saving: 'Сохраняю…',
  saved: 'Профиль сохранён',
  summaryPlaceholder: 'Что ассистенту стоит о вас знать?',
  interestPlaceholder: 'Интерес',
  goalPlaceholder: 'Цель',
  timesPlaceholder: 'например, утром до 10',
  addInterest: 'Добавить интерес',
  addGoal: 'Добавить цель',
  remove: 'Убрать «{item}»',
  listLimit: 'до {items}, каждый до {length} символов',
  fixSummary: 'Сократите текст до {max} символов.',
  fixInterests: 'Оставьте до {items} интересов, каждый до {length} символов.',
  fixGoals: 'Оставьте до {items} целей, каждую до {length} символов.',
  fixTimes: 'Сократите время до {max} символов.',
  fixBelow: 'Профиль не сохранён: исправьте отмеченные поля и сохраните снова.',
  'stage-newcomer': 'Только начали',
  'stage-settling-in': 'Осваиваетесь',
  'stage-regular': 'Постоянный пользователь',
  'stage-drifting-away': 'Давно не заходили',
};

export type ProfileWordKey = keyof typeof en;
export type ProfileWords = (key: ProfileWordKey, vars?: Record<string, string | number>) => string;

export function profileWords(language: Language): ProfileWords {
  const table = language === 'ru' ? ru : en;
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

const STAGE_KEYS: Record<string, true> = Object.fromEntries(
  Object.keys(en)
    .filter((k) => k.startsWith('stage-'))
    .map((k) => [k, true]),
);

/** A journey stage in words; a stage added to journey-stages.json later reads as its id in words. */
export function stageName(stage: string, w: ProfileWords): string {
  const key = `stage-${stage}`;
  return key in STAGE_KEYS ? w(key as ProfileWordKey) : stage.replace(/-/g, ' ');
}
