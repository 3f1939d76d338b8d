# Напоминания
reminders-cmd-remind = Поставить напоминание
reminders-cmd-reminders = Мои напоминания
reminders-cmd-digest = Утренняя сводка

reminders-ask-what = ⏰ О чём напомнить?
reminders-ask-when = Когда? Например: «завтра в 9», «через 2 часа», «по будням в 8:30».
reminders-bad-when = Не нашёл здесь времени. Попробуйте «завтра в 9», «через 2 часа» или «каждый день в 8:00».
reminders-in-past = Это время уже прошло. Когда напомнить?
reminders-created = ⏰ Напоминание поставлено: { $text }
    Ближайшее: { $when }
reminders-created-repeat = ⏰ Напоминание поставлено: { $text }
    Повтор: { $rule }
    Ближайшее: { $when }
reminders-error = Не получилось сохранить напоминание: { $reason }

reminders-fired = ⏰ { $text }
reminders-fired-was-due = (было на { $time })
reminders-btn-done = ✅ Готово
reminders-btn-skip = ⏭ Пропустить
reminders-btn-snooze-15 = 💤 15 мин
reminders-btn-snooze-60 = 💤 1 ч
reminders-btn-tomorrow = 🌅 Завтра в 9:00
reminders-state-done = ✅ Готово
reminders-state-skipped = ⏭ Пропущено
reminders-state-snoozed = 💤 Отложено до { $time }

reminders-list-title = ⏰ Ваши напоминания ({ $count }):
reminders-list-empty = Напоминаний нет. Поставьте: /remind завтра в 9 позвонить маме
reminders-list-item = { $n }. { $text } — { $when }
reminders-list-paused = на паузе
reminders-list-ended = больше не повторится
reminders-btn-pause = ⏸ { $n }
reminders-btn-resume = ▶️ { $n }
reminders-btn-delete = 🗑 { $n }
reminders-btn-prev = « Назад
reminders-btn-next = Ещё »
reminders-confirm-delete = Удалить напоминание «{ $text }»?
reminders-btn-delete-yes = 🗑 Да, удалить
reminders-btn-delete-no = Оставить
reminders-paused = На паузе.
reminders-resumed = Снова включено.
reminders-deleted = Удалено.
reminders-gone = Этого напоминания уже нет.


reminders-digest-title = ☀️ Доброе утро! Ваш день, { $date }
reminders-digest-tasks = Задачи ({ $count }):
reminders-digest-reminders = Напоминания ({ $count }):
reminders-digest-set = ☀️ Утренняя сводка: каждый день в { $time } (по вашему времени, { $timezone }). В пустые дни ничего не пришлю. /digest off — выключить.
reminders-digest-off = Утренняя сводка выключена.
reminders-digest-status-on = ☀️ Утренняя сводка: каждый день в { $time }. Изменить: /digest 8:00, выключить: /digest off.
reminders-digest-status-off = Утренняя сводка выключена. Включить: /digest 8:00.
reminders-digest-bad = Пришлите время, например /digest 8:00, или /digest off.

# What the smart inbox shows for this target
reminders-inbox-card = ⏰ <b>Напоминание</b>: { $title }
reminders-inbox-switch = ⏰ Это напоминание
reminders-inbox-saved = ✅ Напоминание поставлено: <b>{ $title }</b> · { $when }
reminders-menu = ⏰ Напоминания
reminders-setting-digest = Утренняя сводка
