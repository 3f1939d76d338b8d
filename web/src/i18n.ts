// The Mini App's words in both languages. The bot's Fluent files stay the bot's; these are the
// few strings of the pages, kept in one table so a missing translation is a type error.
import type { Language } from './api.ts';

const en = {
  today: 'Today',
  tasks: 'Tasks',
  reminders: 'Reminders',
  settings: 'Settings',
  calendar: 'Calendar',
  loading: 'Loading…',
  dueToday: 'Due today',
  overdue: 'Overdue',
  nothingDue: 'Nothing due today. Add a task on the Tasks page.',
  nextReminders: 'Next reminders',
  noReminders: 'No reminders in the next 7 days.',
  quickAddPlaceholder: 'Buy milk tomorrow 18:00 !high',
  add: 'Add',
  adding: 'Adding…',
  added: 'Added: {title}',
  openTasks: 'Open tasks',
  noTasks: 'No open tasks. Type one above, e.g. “Call Anna on Friday 10:00”.',
  complete: 'Done',
  completed: 'Completed: {title}',
  noDue: 'no deadline',
  remindersEmpty: 'No reminders. Type “remind me every Monday at 9 to water the plants” in Tasks.',
  pause: 'Pause',
  resume: 'Resume',
  delete: 'Delete',
  edit: 'Edit',
  ruleLabel: 'When, in words',
  rulePlaceholder: 'every Monday at 10:00',
  ruleUnderstood: 'Understood: {rule}. Next:',
  ruleEmpty: 'Type when to remind, e.g. “every Monday at 10:00”.',
  ruleSaved: 'Rule saved',
  ruleReading: 'Reading…',
  ruleNothingAhead: 'That time has passed, so it would never remind you. Give a time ahead.',
  confirmDelete: 'Delete the reminder “{text}”?',
  paused: 'paused',
  ended: 'ended',
  snoozedUntil: '💤 snoozed until {time}',
  once: 'once',
  next: 'next {when}',
  language: 'Language',
  timezone: 'Timezone',
  timezoneHint: 'An IANA name such as Europe/Berlin',
  save: 'Save',
  saved: 'Saved',
  detectedTimezone: 'Use this device’s: {zone}',
  outsideTelegram:
    'Open this page from the bot: tap the menu button or “Open app” in the chat, or send /web to the bot for a link that opens it in this browser.',
  orLogInWithTelegram: 'Or log in with your Telegram account here:',
  widgetExpired: 'This Telegram login is too old or was used already. Log in with Telegram again.',
  widgetInvalid: 'Telegram did not confirm this login. Log in with Telegram again, or send /web to the bot.',
  linkUsed: 'This sign-in link was used already: each link works once. Send /web to the bot for a new one.',
  linkExpired:
    'This sign-in link has expired (links work for 10 minutes). Send /web to the bot for a new one.',
  linkInvalid: 'This sign-in link is not valid (cut off when copied?). Send /web to the bot for a new one.',
  signInFailed: 'Could not sign in: {reason}. Close the Mini App and open it again from the bot.',
  failed: 'That did not work: {reason}. Try again.',
  priority_low: 'low priority',
  priority_high: 'high',
  priority_urgent: 'urgent',
  willAddTask: 'New task',
  willRemind: 'New reminder',
  courseIs: 'course: {name}',
  tasksView: 'Show tasks as',
  mode_list: 'List',
  mode_board: 'Board',
  mode_courses: 'Courses',
  column_todo: 'To do',
  column_in_progress: 'In progress',
  column_done: 'Done',
  columnEmpty: 'Nothing here.',
  moveStart: 'Start',
  moveBack: 'To do',
  moveReopen: 'Reopen',
  movedTo: '{title} → {column}',
  noCourses:
    'No courses yet. Create one with /courses in the bot, or add a task “for Calculus” and it becomes a course.',
  noTopics: 'No topics yet: add them with /courses in the bot.',
  courseProgress: '{learned} of {total} topics learned · {percent}%',
  topic_not_started: 'Not started',
  topic_in_progress: 'In progress',
  topic_learned: 'Learned',
  topicNext: 'Tap to move the topic on',
  everyDay: 'every day',
  everyNDays: 'every {n} days',
  everyWeek: 'every week',
  everyNWeeks: 'every {n} weeks',
  everyMonth: 'every month',
  everyYear: 'every year',
  everyHour: 'every hour',
  everyNHours: 'every {n} hours',
  everyDays: 'every {days}',
  everyNWeeksOn: 'every {n} weeks on {days}',
  everyWeekday: 'every weekday',
  everyWeekend: 'every weekend',
  everyMonthOn: 'every month on day {day}',
  atTime: 'at {time}',
  weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
  admin: 'Admin',
  queues: 'Queues',
  users: 'Users',
  audit: 'Audit log',
  broadcasts: 'Broadcasts',
  queueCounts: 'waiting {waiting} · active {active} · failed {failed}',
  deadCount: 'dead {n}',
  showDead: 'Dead jobs',
  deadIn: 'Dead jobs in {queue}',
  noDeadJobs: 'No dead jobs here: nothing is waiting for a retry.',
  deadSince: 'parked {when}',
  retry: 'Retry',
  retried: 'Sent back to {queue}',
  jobDeleted: 'Dead job deleted',
  confirmDeleteJob: 'Delete this dead job of {queue} for good? It will not run.',
  rolesSaved: '{name}: {roles}',
  noAudit: 'Nothing in the audit log yet.',
  byCli: 'by the command line',
  bySystem: 'by the system',
  byUser: 'by {name}',
  noBroadcasts: 'No broadcasts yet: compose one above (or send /broadcast to the bot).',
  broadcastProgress: '{sent} of {total} sent · {failed} failed · {blocked} blocked',
  status_draft: 'draft',
  status_running: 'sending',
  status_paused: 'paused',
  status_done: 'done',
  status_cancelled: 'cancelled',
  cancel: 'Cancel',
  adminOnly: 'Only admins see this page. Ask an admin to give you the role.',
  more: 'More',
  pageBroken:
    'This page ran into a problem ({reason}). Reload it; if it breaks again, pick another page below.',
  reload: 'Reload',
  appBroken:
    'Secretary ran into a problem ({reason}). Reload it; if it breaks again, close the Mini App and open it from the bot.',
  pageUnavailable:
    'This page is not open to you (its part of Secretary is off, or it needs a role). Pick another page below.',
  notifications: 'Notifications',
  companion: 'Companion',
  noticesHint: 'Which booking notices go out, to whom and how. A switch takes effect at once.',
  noNotices: 'No booking notices to switch: the booking capability is not enabled on this server.',
  noticeRecipient: 'Who',
  channel_telegram: 'Telegram',
  channel_web_push: 'Web push',
  role_client: 'Client',
  role_specialist: 'Specialist',
  role_admin: 'Admin',
  noticeOn: '“{event}” notices on',
  noticeOff: '“{event}” notices off',
  notice_booking_created: 'New booking',
  notice_booking_cancelled: 'Booking cancelled',
  notice_booking_rescheduled: 'Booking moved',
  notice_booking_confirmed: 'Booking confirmed',
  notice_booking_declined: 'Booking declined',
  notice_booking_expired: 'Booking expired',
  notice_booking_done: 'Visit done',
};

type Strings = typeof en;

const ru: Strings = {
  today: 'Сегодня',
  tasks: 'Задачи',
  reminders: 'Напоминания',
  settings: 'Настройки',
  calendar: 'Календарь',
  loading: 'Загрузка…',
  dueToday: 'На сегодня',
  overdue: 'Просрочено',
  nothingDue: 'На сегодня ничего. Добавьте задачу на странице «Задачи».',
  nextReminders: 'Ближайшие напоминания',
  noReminders: 'В ближайшие 7 дней напоминаний нет.',
  quickAddPlaceholder: 'Купить молоко завтра в 18:00 !high',
  add: 'Добавить',
  adding: 'Добавляю…',
  added: 'Добавлено: {title}',
  openTasks: 'Открытые задачи',
  noTasks: 'Открытых задач нет. Введите задачу выше, например «Позвонить Анне в пятницу в 10:00».',
  complete: 'Готово',
  completed: 'Выполнено: {title}',
  noDue: 'без срока',
  remindersEmpty: 'Напоминаний нет. Напишите в «Задачах»: «напомни каждый понедельник в 9 полить цветы».',
  pause: 'Пауза',
  resume: 'Продолжить',
  delete: 'Удалить',
  edit: 'Изменить',
  ruleLabel: 'Когда, словами',
  rulePlaceholder: 'каждый понедельник в 10:00',
  ruleUnderstood: 'Понял так: {rule}. Ближайшие:',
  ruleEmpty: 'Напишите, когда напоминать, например «каждый понедельник в 10:00».',
  ruleSaved: 'Правило сохранено',
  ruleReading: 'Читаю…',
  ruleNothingAhead: 'Это время уже прошло — напоминание не сработает. Укажите время впереди.',
  confirmDelete: 'Удалить напоминание «{text}»?',
  paused: 'на паузе',
  ended: 'завершено',
  snoozedUntil: '💤 отложено до {time}',
  once: 'один раз',
  next: 'следующее {when}',
  language: 'Язык',
  timezone: 'Часовой пояс',
  timezoneHint: 'Название IANA, например Europe/Moscow',
  save: 'Сохранить',
  saved: 'Сохранено',
  detectedTimezone: 'Как на этом устройстве: {zone}',
  outsideTelegram:
    'Откройте эту страницу из бота: кнопка меню или «Open app» в чате — или отправьте боту /web, и он пришлёт ссылку для этого браузера.',
  orLogInWithTelegram: 'Или войдите здесь через свой аккаунт Telegram:',
  widgetExpired: 'Этот вход через Telegram устарел или уже использован. Войдите через Telegram ещё раз.',
  widgetInvalid: 'Telegram не подтвердил этот вход. Войдите через Telegram ещё раз или отправьте боту /web.',
  linkUsed: 'По этой ссылке уже входили: каждая работает один раз. Отправьте боту /web за новой.',
  linkExpired: 'Ссылка для входа истекла (она действует 10 минут). Отправьте боту /web за новой.',
  linkInvalid:
    'Ссылка для входа недействительна (обрезалась при копировании?). Отправьте боту /web за новой.',
  signInFailed: 'Не удалось войти: {reason}. Закройте мини-приложение и откройте его снова из бота.',
  failed: 'Не получилось: {reason}. Попробуйте ещё раз.',
  priority_low: 'не срочно',
  priority_high: 'важно',
  priority_urgent: 'срочно',
  willAddTask: 'Новая задача',
  willRemind: 'Новое напоминание',
  courseIs: 'курс: {name}',
  tasksView: 'Показать задачи',
  mode_list: 'Список',
  mode_board: 'Доска',
  mode_courses: 'Курсы',
  column_todo: 'К выполнению',
  column_in_progress: 'В работе',
  column_done: 'Готово',
  columnEmpty: 'Пусто.',
  moveStart: 'Начать',
  moveBack: 'Отложить',
  moveReopen: 'Вернуть',
  movedTo: '{title} → {column}',
  noCourses:
    'Курсов пока нет. Создайте курс командой /courses в боте или добавьте задачу «по матанализу» — курс появится сам.',
  noTopics: 'Тем пока нет: добавьте их командой /courses в боте.',
  courseProgress: 'изучено {learned} из {total} тем · {percent}%',
  topic_not_started: 'Не начата',
  topic_in_progress: 'Изучаю',
  topic_learned: 'Изучена',
  topicNext: 'Нажмите, чтобы перевести тему дальше',
  everyDay: 'каждый день',
  everyNDays: 'каждые {n} дн.',
  everyWeek: 'каждую неделю',
  everyNWeeks: 'каждые {n} нед.',
  everyMonth: 'каждый месяц',
  everyYear: 'каждый год',
  everyHour: 'каждый час',
  everyNHours: 'каждые {n} ч',
  everyDays: 'по {days}',
  everyNWeeksOn: 'каждые {n} нед. по {days}',
  everyWeekday: 'по будням',
  everyWeekend: 'по выходным',
  everyMonthOn: 'каждый месяц {day}-го числа',
  atTime: 'в {time}',
  weekdays: 'пн,вт,ср,чт,пт,сб,вс',
  admin: 'Админ',
  queues: 'Очереди',
  users: 'Пользователи',
  audit: 'Журнал',
  broadcasts: 'Рассылки',
  queueCounts: 'ждут {waiting} · в работе {active} · сбой {failed}',
  deadCount: 'недоставлено {n}',
  showDead: 'Недоставленные',
  deadIn: 'Недоставленные в {queue}',
  noDeadJobs: 'Недоставленных заданий нет: повторять нечего.',
  deadSince: 'с {when}',
  retry: 'Повторить',
  retried: 'Возвращено в {queue}',
  jobDeleted: 'Задание удалено',
  confirmDeleteJob: 'Удалить это недоставленное задание из {queue} насовсем? Оно не выполнится.',
  rolesSaved: '{name}: {roles}',
  noAudit: 'В журнале пока пусто.',
  byCli: 'из командной строки',
  bySystem: 'системой',
  byUser: 'от {name}',
  noBroadcasts: 'Рассылок пока нет: напишите первую выше (или командой /broadcast в боте).',
  broadcastProgress: 'отправлено {sent} из {total} · сбой {failed} · заблокировали {blocked}',
  status_draft: 'черновик',
  status_running: 'идёт',
  status_paused: 'на паузе',
  status_done: 'готово',
  status_cancelled: 'отменена',
  cancel: 'Отменить',
  adminOnly: 'Эта страница только для администраторов. Попросите администратора выдать вам роль.',
  more: 'Ещё',
  pageBroken:
    'На этой странице что-то сломалось ({reason}). Обновите её; если не поможет, выберите другую страницу внизу.',
  reload: 'Обновить',
  appBroken:
    'В Секретаре что-то сломалось ({reason}). Обновите страницу; если не поможет, закройте мини-приложение и откройте его из бота.',
  pageUnavailable:
    'Эта страница вам недоступна (эта часть Секретаря выключена или нужна роль). Выберите другую страницу внизу.',
  notifications: 'Уведомления',
  companion: 'Компаньон',
  noticesHint: 'Какие уведомления о записях уходят, кому и куда. Переключатель действует сразу.',
  noNotices: 'Переключать нечего: запись к специалистам на этом сервере не включена.',
  noticeRecipient: 'Кому',
  channel_telegram: 'Telegram',
  channel_web_push: 'Веб-пуш',
  role_client: 'Клиент',
  role_specialist: 'Специалист',
  role_admin: 'Админ',
  noticeOn: 'Уведомления «{event}» включены',
  noticeOff: 'Уведомления «{event}» выключены',
  notice_booking_created: 'Новая запись',
  notice_booking_cancelled: 'Запись отменена',
  notice_booking_rescheduled: 'Запись перенесена',
  notice_booking_confirmed: 'Запись подтверждена',
  notice_booking_declined: 'Запись отклонена',
  notice_booking_expired: 'Запись истекла',
  notice_booking_done: 'Визит состоялся',
};

export type Key = keyof Strings;
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

export function languageOf(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function translator(language: Language): Translate {
  const table: Partial<Record<string, string>> = language === 'ru' ? ru : en;
  // Keys are typed, but a cast (a page id, a server's code) can still name none: then English,
  // then the key itself. Words on screen beat a render that throws and blanks the whole app.
  return (key, vars = {}) =>
    (table[key] ?? (en as Partial<Record<string, string>>)[key] ?? String(key)).replace(
      /\{(\w+)\}/g,
      (_, name: string) => String(vars[name] ?? ''),
    );
}

/** "Mon 1 Dec, 18:00" in the user's language and timezone: the one date format of the app. */
export function formatWhen(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A reminder's RRULE in words, as the bot words it ("every Mon, Wed at 09:00"); never the raw rule. */
export function ruleInWords(rrule: string | null, t: Translate): string {
  if (!rrule) return t('once');
  const parts = new Map(
    rrule
      .replace(/^RRULE:/, '')
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const n = Number(parts.get('INTERVAL') ?? '1');
  const freq = parts.get('FREQ');
  const names = t('weekdays').split(',');
  const codes = (parts.get('BYDAY') ?? '').split(',').map((d) => d.slice(-2));
  const days = DAY_CODES.filter((d) => codes.includes(d));
  const dayNames = days.map((d) => names[DAY_CODES.indexOf(d)]).join(', ');
  const words: string[] = [];
  if (days.length && (freq === 'WEEKLY' || freq === 'DAILY')) {
    const set = days.join(',');
    if (n === 1 && set === 'MO,TU,WE,TH,FR') words.push(t('everyWeekday'));
    else if (n === 1 && set === 'SA,SU') words.push(t('everyWeekend'));
    else words.push(n > 1 ? t('everyNWeeksOn', { n, days: dayNames }) : t('everyDays', { days: dayNames }));
  } else if (freq === 'DAILY') words.push(n > 1 ? t('everyNDays', { n }) : t('everyDay'));
  else if (freq === 'WEEKLY') words.push(n > 1 ? t('everyNWeeks', { n }) : t('everyWeek'));
  else if (freq === 'MONTHLY') {
    const day = parts.get('BYMONTHDAY');
    words.push(day && !day.includes(',') ? t('everyMonthOn', { day }) : t('everyMonth'));
  } else if (freq === 'YEARLY') words.push(t('everyYear'));
  else if (freq === 'HOURLY') words.push(n > 1 ? t('everyNHours', { n }) : t('everyHour'));
  const hour = parts.get('BYHOUR');
  if (hour !== undefined && !hour.includes(',') && freq !== 'HOURLY') {
    const minute = parts.get('BYMINUTE') ?? '0';
    words.push(t('atTime', { time: `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` }));
  }
  return words.join(' ');
}

/** What to tell the user about a failed call: a lapsed sign-in needs a fresh launch, not a retry. */
export function failure(error: unknown, t: Translate): string {
  const reason = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: number } | null)?.status;
  return status === 401 ? t('signInFailed', { reason }) : t('failed', { reason });
}
