# Напоминания
reminders-cmd-remind = Поставить напоминание
reminders-cmd-reminders = Мои напоминания
reminders-cmd-digest = Утренняя сводка

reminders-ask-what = ⏰ О чём напомнить?
reminders-ask-when = Когда? Например: «завтра в 9», «через 2 часа», «по будням в 8:30».
reminders-bad-when = Не нашёл здесь времени. Попробуйте «завтра в 9», «через 2 часа» или «каждый день в 8:00».
reminders-in-past = Это время уже прошло. Когда напомнить?
reminders-created = ⏰ Напоминание поставлено: «{ $text }»
    Ближайшее: { $when }
reminders-created-repeat = ⏰ Напоминание поставлено: «{ $text }»
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

reminders-list-title = ⏰ Ваши напоминания ({ $count }), ближайшие сверху:
reminders-list-empty = Напоминаний нет. Поставьте: /remind завтра в 9 позвонить маме
reminders-list-item = { $n }. { $text } — { $when }
reminders-list-hint = Нажмите на напоминание, чтобы открыть его: изменить текст, время или повтор, поставить на паузу или удалить.
reminders-list-paused = ⏸ на паузе
reminders-list-snoozed = 💤 отложено до { $time }
reminders-list-ended = больше не повторится
reminders-btn-open = { $n }. { $text }
reminders-btn-open-paused = ⏸ { $n }. { $text }
reminders-btn-prev = « Назад
reminders-btn-next = Ещё »

reminders-card-title = ⏰ «{ $text }»
reminders-card-next = 🕒 Ближайшее: { $when }
reminders-card-snoozed = 💤 Отложено до { $when }
reminders-card-paused = ⏸ На паузе: не сработает, пока не включите снова.
reminders-card-ended = ✔️ Больше не сработает. Задайте новое время, чтобы использовать снова.
reminders-card-repeat = 🔁 Повтор: { $rule }
reminders-card-once = 🔂 Один раз
reminders-btn-edit-text = ✏️ Текст
reminders-btn-edit-time = 🕒 Время
reminders-btn-edit-repeat = 🔁 Повтор
reminders-btn-pause = ⏸ Пауза
reminders-btn-resume = ▶️ Включить
reminders-btn-delete = 🗑 Удалить
reminders-btn-back-list = « Все напоминания
reminders-btn-cancel = ✖️ Отмена
reminders-btn-once = 🔂 Не повторять
reminders-btn-move-to = ➡️ Перенести на { $when }
reminders-edit-ask-text = ✏️ Пришлите новый текст для «{ $text }».
reminders-edit-ask-time = 🕒 Когда напомнить про «{ $text }»? Например: «завтра в 9», «через 2 часа», «в пятницу в 18:00».
reminders-edit-ask-repeat = 🔁 Как повторять «{ $text }»? Напишите, как для /remind: «каждый день в 9», «по будням в 8:30», «каждый понедельник», «каждые 2 часа».
reminders-edit-bad-text = Такой текст не подойдёт: нужно от 1 до 1000 символов. Или нажмите «Отмена».
reminders-edit-bad-time = Не нашёл здесь времени. Попробуйте «завтра в 9», «через 2 часа» или «в пятницу в 18:00». Или нажмите «Отмена».
reminders-edit-bad-repeat = Не понял, как повторять. Попробуйте «каждый день в 9», «по будням» или «каждые 2 недели». Или нажмите «Отмена».
reminders-edit-past = ⚠️ Это время уже прошло. Перенести на { $when }? Или пришлите другое время.
reminders-edit-saved = ✅ Сохранено.
reminders-edit-saved-rule = ✅ Сохранено. Повтор теперь другой: { $rule } (было: { $was }).
reminders-edit-cancelled = Ничего не изменилось.
reminders-moved-to = Перенесено на { $when }
reminders-once-needs-time = Впереди нет времени, которое можно оставить: сначала задайте его кнопкой «🕒 Время».
reminders-nothing-to-pause = Здесь нечего ставить на паузу: задайте новое время или удалите напоминание.
reminders-confirm-delete = Удалить напоминание «{ $text }»?
reminders-btn-delete-yes = 🗑 Да, удалить
reminders-btn-delete-no = Оставить
reminders-paused = На паузе.
reminders-resumed = Снова включено.
reminders-deleted-named = 🗑 Удалено «{ $text }».
reminders-gone = Этого напоминания больше нет (его удалили, или оно не ваше). Текущий список — /reminders.


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
reminders-inbox-saved = ✅ Напоминание поставлено: «<b>{ $title }</b>» · { $when }
reminders-menu = ⏰ Напоминания
reminders-setting-digest = Утренняя сводка

# Правило напоминания словами (поле правки в мини-приложении)
reminders-rule-once = один раз { $when }
reminders-rule-not-understood = Не вижу в «{ $text }» ни времени, ни повторения. Попробуйте «каждый понедельник в 10:00» или «завтра в 9».
reminders-rule-bad-time = «{ $time }» — не время суток. Напишите от 0:00 до 23:59, например «каждый день в 9:30».
