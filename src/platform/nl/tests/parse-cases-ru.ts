import type { ParseCase } from './parse-cases.ts';

const WEEKDAYS_0830 = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30';

// Moscow: Monday 23 Nov 2026 10:00 (+03:00). Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29, Mon 30.
export const RU_CASES: ParseCase[] = [
  // The example
  [
    'moscow',
    'Сдать эссе по истории в пятницу 18:00 !high #учёба',
    {
      intent: 'task',
      title: 'Сдать эссе по истории',
      due: '2026-11-27T18:00:00+03:00',
      priority: 'high',
      category: 'учёба',
      course: 'история',
    },
  ],
  // Reminders with a lead-in
  [
    'moscow',
    'Напомни завтра в 9 позвонить маме',
    { intent: 'reminder', title: 'Позвонить маме', due: '2026-11-24T09:00:00+03:00' },
  ],
  [
    'moscow',
    'напомни мне через 2 часа выключить духовку',
    { intent: 'reminder', title: 'Выключить духовку', due: '2026-11-23T12:00:00+03:00' },
  ],
  [
    'moscow',
    'напомни в полдень выпить таблетку',
    { intent: 'reminder', title: 'Выпить таблетку', due: '2026-11-23T12:00:00+03:00' },
  ],
  [
    'moscow',
    'напомни через полчаса снять бельё',
    { intent: 'reminder', title: 'Снять бельё', due: '2026-11-23T10:30:00+03:00' },
  ],
  [
    'moscow',
    'напомни в 23:00 лечь спать',
    { intent: 'reminder', title: 'Лечь спать', due: '2026-11-23T23:00:00+03:00' },
  ],
  [
    'moscow',
    'напомни 31 декабря в 23:00 загадать желание',
    { intent: 'reminder', title: 'Загадать желание', due: '2026-12-31T23:00:00+03:00' },
  ],
  [
    'moscow',
    'напомни послезавтра в 8:15 сдать кровь',
    { intent: 'reminder', title: 'Сдать кровь', due: '2026-11-25T08:15:00+03:00' },
  ],
  [
    'moscow',
    'напомни про встречу с Анной в четверг в 15:00',
    { intent: 'reminder', title: 'Встречу с Анной', due: '2026-11-26T15:00:00+03:00' },
  ],
  [
    'moscow',
    'Напомните, пожалуйста, завтра в 10:00 оплатить счёт',
    { intent: 'reminder', title: 'Оплатить счёт', due: '2026-11-24T10:00:00+03:00' },
  ],
  [
    'moscow',
    'не забыть купить хлеб послезавтра',
    { intent: 'reminder', title: 'Купить хлеб', due: '2026-11-25T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'не забудь оплатить кружок до среды',
    { intent: 'reminder', title: 'Оплатить кружок', due: '2026-11-25T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'разбуди меня в 7 утра',
    { intent: 'reminder', title: 'Разбуди меня в 7 утра', due: '2026-11-24T07:00:00+03:00' },
  ],
  [
    'moscow',
    'через 15 минут проверить почту',
    { intent: 'reminder', title: 'Проверить почту', due: '2026-11-23T10:15:00+03:00' },
  ],
  [
    'moscow',
    'через час забрать машину с мойки',
    { intent: 'reminder', title: 'Забрать машину с мойки', due: '2026-11-23T11:00:00+03:00' },
  ],
  // A clock time with something done at a moment → reminder
  [
    'moscow',
    'в 17:30 забрать посылку',
    { intent: 'reminder', title: 'Забрать посылку', due: '2026-11-23T17:30:00+03:00' },
  ],
  [
    'moscow',
    'выпить таблетку в 21:00',
    { intent: 'reminder', title: 'Выпить таблетку', due: '2026-11-23T21:00:00+03:00' },
  ],
  [
    'moscow',
    'сегодня вечером позвонить бабушке',
    { intent: 'reminder', title: 'Позвонить бабушке', due: '2026-11-23T19:00:00+03:00' },
  ],
  [
    'moscow',
    'позвонить маме в воскресенье вечером',
    { intent: 'reminder', title: 'Позвонить маме', due: '2026-11-29T19:00:00+03:00' },
  ],
  [
    'moscow',
    'позвонить Диме в 5',
    { intent: 'reminder', title: 'Позвонить Диме', due: '2026-11-23T17:00:00+03:00' },
  ],
  [
    'moscow',
    'в 9 утра созвон с заказчиком',
    { intent: 'reminder', title: 'Созвон с заказчиком', due: '2026-11-24T09:00:00+03:00' },
  ],
  [
    'moscow',
    'завтра в 9:30 созвон',
    { intent: 'reminder', title: 'Созвон', due: '2026-11-24T09:30:00+03:00' },
  ],
  [
    'moscow',
    'в 11 ночи выключить роутер',
    { intent: 'reminder', title: 'Выключить роутер', due: '2026-11-23T23:00:00+03:00' },
  ],
  // Tasks with deadlines
  ['moscow', 'купить молоко', { intent: 'task', title: 'Купить молоко', due: null }],
  [
    'moscow',
    'купить молоко завтра',
    { intent: 'task', title: 'Купить молоко', due: '2026-11-24T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'послезавтра записаться к врачу',
    { intent: 'task', title: 'Записаться к врачу', due: '2026-11-25T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'в понедельник сдать лабу по физике',
    {
      intent: 'task',
      title: 'Сдать лабу по физике',
      due: '2026-11-30T09:00:00+03:00',
      allDay: true,
      course: 'физика',
    },
  ],
  [
    'moscow',
    'к среде подготовить доклад по экономике',
    {
      intent: 'task',
      title: 'Подготовить доклад по экономике',
      due: '2026-11-25T09:00:00+03:00',
      allDay: true,
      course: 'экономика',
    },
  ],
  [
    'moscow',
    'до пятницы сдать реферат по философии !!',
    {
      intent: 'task',
      title: 'Сдать реферат по философии',
      due: '2026-11-27T09:00:00+03:00',
      allDay: true,
      priority: 'urgent',
      course: 'философия',
    },
  ],
  [
    'moscow',
    '25 декабря купить подарки',
    { intent: 'task', title: 'Купить подарки', due: '2026-12-25T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'к 25 декабря купить подарки',
    { intent: 'task', title: 'Купить подарки', due: '2026-12-25T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    '12.12 день рождения Маши',
    { intent: 'task', title: 'День рождения Маши', due: '2026-12-12T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'в 5 вечера встреча с научруком',
    { intent: 'task', title: 'Встреча с научруком', due: '2026-11-23T17:00:00+03:00' },
  ],
  [
    'moscow',
    'завтра в 10 вечера выложить пост',
    { intent: 'task', title: 'Выложить пост', due: '2026-11-24T22:00:00+03:00' },
  ],
  [
    'moscow',
    'завтра утром пробежка',
    { intent: 'task', title: 'Пробежка', due: '2026-11-24T09:00:00+03:00' },
  ],
  ['moscow', 'в субботу днём уборка', { intent: 'task', title: 'Уборка', due: '2026-11-28T14:00:00+03:00' }],
  [
    'moscow',
    'через неделю вернуть книгу в библиотеку',
    { intent: 'task', title: 'Вернуть книгу в библиотеку', due: '2026-11-30T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'через 3 дня экзамен по матанализу',
    {
      intent: 'task',
      title: 'Экзамен по матанализу',
      due: '2026-11-26T09:00:00+03:00',
      allDay: true,
      course: 'матанализ',
    },
  ],
  [
    'moscow',
    'контрольная по алгебре 1 декабря',
    {
      intent: 'task',
      title: 'Контрольная по алгебре',
      due: '2026-12-01T09:00:00+03:00',
      allDay: true,
      course: 'алгебра',
    },
  ],
  [
    'moscow',
    'зачёт по праву 15.12 в 10:00',
    { intent: 'task', title: 'Зачёт по праву', due: '2026-12-15T10:00:00+03:00', course: 'право' },
  ],
  [
    'moscow',
    'подготовиться к экзамену по химии до 20 декабря #сессия',
    {
      intent: 'task',
      title: 'Подготовиться к экзамену по химии',
      due: '2026-12-20T09:00:00+03:00',
      allDay: true,
      category: 'сессия',
      course: 'химия',
    },
  ],
  [
    'moscow',
    'домашка по английскому к четвергу !',
    {
      intent: 'task',
      title: 'Домашка по английскому',
      due: '2026-11-26T09:00:00+03:00',
      allDay: true,
      priority: 'high',
      course: 'английский',
    },
  ],
  [
    'moscow',
    'домашка по русскому языку к среде',
    {
      intent: 'task',
      title: 'Домашка по русскому языку',
      due: '2026-11-25T09:00:00+03:00',
      allDay: true,
      course: 'русский язык',
    },
  ],
  [
    'moscow',
    'прочитать параграф по биологии завтра',
    {
      intent: 'task',
      title: 'Прочитать параграф по биологии',
      due: '2026-11-24T09:00:00+03:00',
      allDay: true,
      course: 'биология',
    },
  ],
  [
    'moscow',
    'эссе по литературе до 3 декабря #учёба',
    {
      intent: 'task',
      title: 'Эссе по литературе',
      due: '2026-12-03T09:00:00+03:00',
      allDay: true,
      category: 'учёба',
      course: 'литература',
    },
  ],
  [
    'moscow',
    'реферат по истории России к 10 декабря !high',
    {
      intent: 'task',
      title: 'Реферат по истории России',
      due: '2026-12-10T09:00:00+03:00',
      allDay: true,
      priority: 'high',
      course: 'история',
    },
  ],
  [
    'moscow',
    'сдать курсовую по программированию 20.12',
    {
      intent: 'task',
      title: 'Сдать курсовую по программированию',
      due: '2026-12-20T09:00:00+03:00',
      allDay: true,
      course: 'программирование',
    },
  ],
  [
    'moscow',
    'в четверг в 15:00 семинар по социологии',
    {
      intent: 'task',
      title: 'Семинар по социологии',
      due: '2026-11-26T15:00:00+03:00',
      course: 'социология',
    },
  ],
  [
    'moscow',
    'лаба по физике в среду',
    {
      intent: 'task',
      title: 'Лаба по физике',
      due: '2026-11-25T09:00:00+03:00',
      allDay: true,
      course: 'физика',
    },
  ],
  [
    'moscow',
    'контрольная по высшей математике в пятницу в 10:20',
    {
      intent: 'task',
      title: 'Контрольная по высшей математике',
      due: '2026-11-27T10:20:00+03:00',
      course: 'высшая математика',
    },
  ],
  [
    'moscow',
    '@матан решить задачи к пятнице',
    {
      intent: 'task',
      title: 'Решить задачи',
      due: '2026-11-27T09:00:00+03:00',
      allDay: true,
      course: 'матан',
    },
  ],
  [
    'moscow',
    'в 8 вечера тренировка',
    { intent: 'task', title: 'Тренировка', due: '2026-11-23T20:00:00+03:00' },
  ],
  ['moscow', 'в 2 часа дня встреча', { intent: 'task', title: 'Встреча', due: '2026-11-23T14:00:00+03:00' }],
  [
    'moscow',
    'в 12 часов обед с коллегами',
    { intent: 'task', title: 'Обед с коллегами', due: '2026-11-23T12:00:00+03:00' },
  ],
  [
    'moscow',
    'к 18:00 отправить отчёт',
    { intent: 'task', title: 'Отправить отчёт', due: '2026-11-23T18:00:00+03:00' },
  ],
  [
    'moscow',
    'отправить резюме до 30.11',
    { intent: 'task', title: 'Отправить резюме', due: '2026-11-30T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'сдать документы в деканат до 12:00 завтра',
    { intent: 'task', title: 'Сдать документы в деканат', due: '2026-11-24T12:00:00+03:00' },
  ],
  [
    'moscow',
    'до конца недели подготовить доклад по физике',
    {
      intent: 'task',
      title: 'Подготовить доклад по физике',
      due: '2026-11-29T23:59:00+03:00',
      allDay: true,
      course: 'физика',
    },
  ],
  [
    'moscow',
    'оплатить налог до конца месяца',
    { intent: 'task', title: 'Оплатить налог', due: '2026-11-30T23:59:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'закончить презентацию до конца дня',
    { intent: 'task', title: 'Закончить презентацию', due: '2026-11-23T23:59:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'на следующей неделе записаться к стоматологу',
    { intent: 'task', title: 'Записаться к стоматологу', due: '2026-11-30T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'в следующем месяце продлить абонемент',
    { intent: 'task', title: 'Продлить абонемент', due: '2026-12-01T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'купить продукты на выходных',
    { intent: 'task', title: 'Купить продукты', due: '2026-11-28T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'Записаться к парикмахеру на субботу',
    { intent: 'task', title: 'Записаться к парикмахеру', due: '2026-11-28T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'ответить на письмо декана сегодня',
    { intent: 'task', title: 'Ответить на письмо декана', due: '2026-11-23T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'купить подарок маме к 8 марта',
    { intent: 'task', title: 'Купить подарок маме', due: '2027-03-08T09:00:00+03:00', allDay: true },
  ],
  [
    'moscow',
    'Важно: продлить визу до 1 марта',
    {
      intent: 'task',
      title: 'Продлить визу',
      due: '2027-03-01T09:00:00+03:00',
      allDay: true,
      priority: 'high',
    },
  ],
  ['moscow', 'позвонить в ЖЭК', { intent: 'task', title: 'Позвонить в ЖЭК', due: null }],
  ['moscow', 'сходить в магазин', { intent: 'task', title: 'Сходить в магазин', due: null }],
  [
    'moscow',
    'мне надо купить билеты на поезд',
    { intent: 'task', title: 'Купить билеты на поезд', due: null },
  ],
  ['moscow', 'нужно починить кран в ванной', { intent: 'task', title: 'Починить кран в ванной', due: null }],
  // Priority marks and words
  [
    'moscow',
    'Срочно позвонить в банк',
    { intent: 'task', title: 'Позвонить в банк', due: null, priority: 'urgent' },
  ],
  [
    'moscow',
    '!срочно оплатить интернет',
    { intent: 'task', title: 'Оплатить интернет', due: null, priority: 'urgent' },
  ],
  [
    'moscow',
    'купить корм коту !низкий',
    { intent: 'task', title: 'Купить корм коту', due: null, priority: 'low' },
  ],
  [
    'moscow',
    'не срочно разобрать шкаф',
    { intent: 'task', title: 'Разобрать шкаф', due: null, priority: 'low' },
  ],
  [
    'moscow',
    'написать научруку !!! #диплом',
    { intent: 'task', title: 'Написать научруку', due: null, priority: 'urgent', category: 'диплом' },
  ],
  [
    'moscow',
    'купить кофе #дом #покупки',
    { intent: 'task', title: 'Купить кофе', due: null, category: 'дом' },
  ],
  // Recurrence
  [
    'moscow',
    'каждый день в 8 пить витамины',
    {
      intent: 'reminder',
      title: 'Пить витамины',
      due: '2026-11-24T08:00:00+03:00',
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждый будний день в 8:30 стендап',
    { intent: 'reminder', title: 'Стендап', due: '2026-11-24T08:30:00+03:00', rrule: WEEKDAYS_0830 },
  ],
  [
    'moscow',
    'по будням в 8:30 проверять почту',
    { intent: 'reminder', title: 'Проверять почту', due: '2026-11-24T08:30:00+03:00', rrule: WEEKDAYS_0830 },
  ],
  [
    'moscow',
    'по понедельникам и средам в 19:00 спортзал',
    {
      intent: 'reminder',
      title: 'Спортзал',
      due: '2026-11-23T19:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=19;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждую пятницу в 18 созвон с командой',
    {
      intent: 'reminder',
      title: 'Созвон с командой',
      due: '2026-11-27T18:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=FR;BYHOUR=18;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждый понедельник в 9:00 планёрка',
    {
      intent: 'reminder',
      title: 'Планёрка',
      due: '2026-11-30T09:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждую среду и пятницу в 7:00 бег',
    {
      intent: 'reminder',
      title: 'Бег',
      due: '2026-11-25T07:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=WE,FR;BYHOUR=7;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'по четвергам английский в 19:30',
    {
      intent: 'reminder',
      title: 'Английский',
      due: '2026-11-26T19:30:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TH;BYHOUR=19;BYMINUTE=30',
    },
  ],
  [
    'moscow',
    'по выходным в 11 бассейн',
    {
      intent: 'reminder',
      title: 'Бассейн',
      due: '2026-11-28T11:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=11;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждое 1 число оплатить квартиру',
    {
      intent: 'reminder',
      title: 'Оплатить квартиру',
      due: '2026-12-01T09:00:00+03:00',
      allDay: true,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'ежемесячно 10 числа платить за телефон',
    {
      intent: 'reminder',
      title: 'Платить за телефон',
      due: '2026-12-10T09:00:00+03:00',
      allDay: true,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=10;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждые 3 дня полить цветы',
    {
      intent: 'reminder',
      title: 'Полить цветы',
      due: '2026-11-24T09:00:00+03:00',
      allDay: true,
      rrule: 'FREQ=DAILY;INTERVAL=3;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждые 2 недели по вторникам в 18:00 встреча клуба',
    {
      intent: 'reminder',
      title: 'Встреча клуба',
      due: '2026-11-24T18:00:00+03:00',
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=18;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'ежедневно в 22:30 читать',
    {
      intent: 'reminder',
      title: 'Читать',
      due: '2026-11-23T22:30:00+03:00',
      rrule: 'FREQ=DAILY;BYHOUR=22;BYMINUTE=30',
    },
  ],
  [
    'moscow',
    'каждый вечер гулять с собакой',
    {
      intent: 'reminder',
      title: 'Гулять с собакой',
      due: '2026-11-23T19:00:00+03:00',
      rrule: 'FREQ=DAILY;BYHOUR=19;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждое утро зарядка',
    {
      intent: 'reminder',
      title: 'Зарядка',
      due: '2026-11-24T09:00:00+03:00',
      rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждый год 5 мая поздравить Олю',
    {
      intent: 'reminder',
      title: 'Поздравить Олю',
      due: '2027-05-05T09:00:00+03:00',
      allDay: true,
      rrule: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=5;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'каждый час пить воду',
    { intent: 'reminder', title: 'Пить воду', due: '2026-11-23T11:00:00+03:00', rrule: 'FREQ=HOURLY' },
  ],
  [
    'moscow',
    'каждые 2 часа разминка',
    {
      intent: 'reminder',
      title: 'Разминка',
      due: '2026-11-23T12:00:00+03:00',
      rrule: 'FREQ=HOURLY;INTERVAL=2',
    },
  ],
  [
    'moscow',
    'в 7:00 подъём каждый день',
    {
      intent: 'reminder',
      title: 'Подъём',
      due: '2026-11-24T07:00:00+03:00',
      rrule: 'FREQ=DAILY;BYHOUR=7;BYMINUTE=0',
    },
  ],
  [
    'moscow',
    'напоминай каждую неделю в воскресенье в 20:00 планировать неделю',
    {
      intent: 'reminder',
      title: 'Планировать неделю',
      due: '2026-11-29T20:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=20;BYMINUTE=0',
    },
  ],
  // Nothing to do
  ['moscow', 'привет', { intent: 'unknown', title: 'Привет', due: null }],
  ['moscow', 'привет, как дела?', { intent: 'unknown', title: 'Привет, как дела?', due: null }],
  ['moscow', 'спасибо!', { intent: 'unknown', title: 'Спасибо!', due: null }],
  ['moscow', 'Что у меня завтра?', { intent: 'unknown', title: 'Что у меня завтра?', due: null }],
  [
    'moscow',
    'Сегодня был отличный день',
    { intent: 'unknown', title: 'Сегодня был отличный день', due: null },
  ],
  ['moscow', 'Мама звонила', { intent: 'unknown', title: 'Мама звонила', due: null }],
  [
    'moscow',
    'Идея: приложение для полива цветов',
    { intent: 'unknown', title: 'Идея: приложение для полива цветов', due: null },
  ],
  // Berlin, the night summer time ends (Sat 24 Oct 2026 10:00 +02:00; from Sun 25 Oct 03:00 it is +01:00)
  [
    'berlin',
    'Сдать эссе по истории в пятницу 18:00 !high #учёба',
    {
      intent: 'task',
      title: 'Сдать эссе по истории',
      due: '2026-10-30T18:00:00+01:00',
      priority: 'high',
      category: 'учёба',
      course: 'история',
    },
  ],
  [
    'berlin',
    'напомни завтра в 9 позвонить маме',
    { intent: 'reminder', title: 'Позвонить маме', due: '2026-10-25T09:00:00+01:00' },
  ],
  [
    'berlin',
    'каждый день в 8:30 пить кофе',
    {
      intent: 'reminder',
      title: 'Пить кофе',
      due: '2026-10-25T08:30:00+01:00',
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=30',
    },
  ],
  // 24 real hours: 08:00Z + 24 h = 08:00Z on Sunday, which the clock then shows as 09:00.
  [
    'berlin',
    'через 24 часа проверить посылку',
    { intent: 'reminder', title: 'Проверить посылку', due: '2026-10-25T09:00:00+01:00' },
  ],
  [
    'berlin',
    'через 2 дня позвонить в страховую',
    { intent: 'task', title: 'Позвонить в страховую', due: '2026-10-26T09:00:00+01:00', allDay: true },
  ],
  [
    'berlin',
    'в воскресенье в 3:00 перевести часы',
    { intent: 'task', title: 'Перевести часы', due: '2026-10-25T03:00:00+01:00' },
  ],
  [
    'berlin',
    'каждое воскресенье в 10 уборка',
    {
      intent: 'reminder',
      title: 'Уборка',
      due: '2026-10-25T10:00:00+01:00',
      rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=10;BYMINUTE=0',
    },
  ],
  [
    'berlin',
    '1.11 оплатить аренду',
    { intent: 'task', title: 'Оплатить аренду', due: '2026-11-01T09:00:00+01:00', allDay: true },
  ],
  // Berlin, the night summer time starts (Sat 28 Mar 2026 22:00 +01:00; 02:00–03:00 on Sunday does not exist)
  [
    'berlinSpring',
    'напомни завтра в 2:30 полить цветы',
    { intent: 'reminder', title: 'Полить цветы', due: '2026-03-29T03:30:00+02:00' },
  ],
  [
    'berlinSpring',
    'через 5 часов проверить бота',
    { intent: 'reminder', title: 'Проверить бота', due: '2026-03-29T04:00:00+02:00' },
  ],
  ['berlinSpring', 'завтра в 9 бранч', { intent: 'task', title: 'Бранч', due: '2026-03-29T09:00:00+02:00' }],
  // Kolkata, +05:30 (Wed 15 Jul 2026 10:00)
  ['kolkata', 'завтра в 6 утра йога', { intent: 'task', title: 'Йога', due: '2026-07-16T06:00:00+05:30' }],
  [
    'kolkata',
    'через 90 минут вынуть пирог',
    { intent: 'reminder', title: 'Вынуть пирог', due: '2026-07-15T11:30:00+05:30' },
  ],
  [
    'kolkata',
    'каждый понедельник в 10:30 отчёт',
    {
      intent: 'reminder',
      title: 'Отчёт',
      due: '2026-07-20T10:30:00+05:30',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=30',
    },
  ],
  [
    'kolkata',
    '15.08 День независимости',
    { intent: 'task', title: 'День независимости', due: '2026-08-15T09:00:00+05:30', allDay: true },
  ],
  [
    'kolkata',
    'Дедлайн по проекту 20.07 23:00',
    { intent: 'task', title: 'Дедлайн по проекту', due: '2026-07-20T23:00:00+05:30' },
  ],
  // Быстрые сокращения (issue 11) и строка на другом языке в русском чате.
  [
    'moscow',
    'позвонить маме послезавтра утром',
    { intent: 'reminder', title: 'Позвонить маме', due: '2026-11-25T09:00:00+03:00' },
  ],
  [
    'moscow',
    'отправить отчёт в обед',
    { intent: 'task', title: 'Отправить отчёт', due: '2026-11-23T13:00:00+03:00' },
  ],
  [
    'moscow',
    'купить подарок завтра p2',
    {
      intent: 'task',
      title: 'Купить подарок',
      due: '2026-11-24T09:00:00+03:00',
      allDay: true,
      priority: 'high',
    },
  ],
  [
    'moscow',
    'Submit essay on history Friday 18:00',
    { intent: 'task', title: 'Submit essay on history', due: '2026-11-27T18:00:00+03:00' },
  ],
  // The short day names the rule describer writes ("по пн, ср"), read back when a rule is edited
  [
    'moscow',
    'полить цветы по пн, ср в 11:00',
    {
      intent: 'reminder',
      title: 'Полить цветы',
      due: '2026-11-23T11:00:00+03:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=11;BYMINUTE=0',
    },
  ],
  // Прошедший день читается как тот день (вызывающий скажет, что время прошло), а не сегодня
  [
    'moscow',
    'позвонить маме позавчера в 9',
    { intent: 'reminder', title: 'Позвонить маме', due: '2026-11-21T09:00:00+03:00' },
  ],
  // Просьба записать — дело для разбора (запись берёт его первой, когда может), не заметка.
  ['moscow', 'запиши меня на массаж', { intent: 'task', title: 'Запиши меня на массаж', due: null }],
];
