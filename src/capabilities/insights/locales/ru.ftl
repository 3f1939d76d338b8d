# Insights
insights-cmd-stats = Статистика и графики
insights-cmd-calendar = Ссылка на календарь
insights-cmd-export = Выгрузить мои данные
insights-menu-stats = 📊 Статистика
insights-setting-weekly = Недельный отчёт
insights-setting-weekly-day = День отчёта
insights-setting-weekly-day-mon = понедельник
insights-setting-weekly-day-tue = вторник
insights-setting-weekly-day-wed = среда
insights-setting-weekly-day-thu = четверг
insights-setting-weekly-day-fri = пятница
insights-setting-weekly-day-sat = суббота
insights-setting-weekly-day-sun = воскресенье
insights-setting-weekly-time = Время отчёта
insights-offer-weekly = 📊 Присылать недельный отчёт по воскресеньям в 19:00
insights-offer-weekly-done = Готово: недельный отчёт придёт в { $time }, день — { $day }. Поменять день и время или выключить отчёт можно в /settings.
insights-btn-week = Эта неделя
insights-btn-last-week = Прошлая неделя
insights-btn-month = Месяц
insights-title = 📊 { $from } – { $to }
insights-chart-title = { $from } – { $to }
insights-chart-per-day = Выполнено по дням
insights-chart-hours = Продуктивные часы
insights-chart-courses = Курсы
insights-line-tasks = ✅ Выполнено: { $completed } · создано: { $created }
insights-line-rate = 🎯 Со сроком в периоде: сделано { $dueDone } из { $due } ({ $rate }%)
insights-line-on-time = ⏱ В срок: { $rate }%{ $late ->
    [none] {""}
   *[other] {""} · опоздание в среднем { $late } мин
  }
insights-line-overdue = ⚠️ Просрочено сейчас: { $n }
insights-line-streak = 🔥 Серия: { $current } { $current ->
    [one] день
    [few] дня
   *[other] дней
  } (лучшая { $best })
insights-line-best-time = 🕒 Продуктивнее всего: { $weekday }, около { $hour }:00
insights-line-reminders = 🔔 Напоминания: выполнено { $done } · пропущено { $skipped } · отложено { $snoozed }
insights-line-course = 📚 { $name }: { $learned }/{ $topics } тем
insights-line-notes = 🗂 Заметок разложено: { $filed } ({ $topics })
insights-line-bookings = 📅 Записи: состоялось { $kept } · пропущено { $noShows } · отменено { $cancelled } · впереди { $upcoming }
insights-nothing = В этом периоде пока ничего не выполнено.
insights-weekly-title = 🗓 Ваша неделя
insights-insight-rate-high = Вы выполнили { $dueDone } из { $due } задач со сроком — { $rate }%. Так держать!
insights-insight-rate-low = Выполнено { $dueDone } из { $due } задач со сроком ({ $rate }%). Возможно, стоит брать меньше задач и мельче.
insights-insight-streak = Вы что-то завершаете { $current } дн. подряд — лучшая серия { $best }.
insights-insight-hour = Больше всего вы успеваете около { $hour }:00 — планируйте сложное на это время.
insights-insight-quiet = Спокойная неделя. Одна маленькая задача завтра начнёт новую серию.
insights-calendar-link = 📅 Ваш личный календарь (подпишитесь в Google, Apple или Outlook Calendar):
    { $url }
    Не делитесь ссылкой: по ней видны ваши задачи и напоминания.
insights-calendar-private = ⚠️ Этот адрес работает только на этом компьютере или в этой сети: Google и Apple забирают календари со своих серверов и до него не доберутся. Чтобы ссылка заработала у них, администратор сервера задаёт PUBLIC_URL — публичный https-адрес сервера (например, https://secretary.example.com); приложение на этом же компьютере может пользоваться ею как есть.
insights-calendar-reset = Сменить ссылку
insights-calendar-was-reset = Старая ссылка больше не работает. Новая:
    { $url }
insights-export-caption = Ваши данные: всё в JSON, задачи ещё и в CSV.
insights-error = Не удалось собрать статистику. Попробуйте позже.
insights-calendar-name = Секретарь
insights-calendar-task = Задача
insights-calendar-reminder = Напоминание
insights-calendar-booking = Запись
insights-topic-inbox = Входящие
