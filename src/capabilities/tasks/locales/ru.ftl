# Задачи и учёба
tasks-cmd-new = Новая задача
tasks-cmd-tasks = Мои задачи
tasks-cmd-courses = Курсы и темы

tasks-no-deadline = без срока
tasks-overdue-mark = ⚠️ просрочено
tasks-card-priority = ⚡ Приоритет: { $priority }
tasks-card-status = 🔖 Статус: { $status }
tasks-card-category = 🏷 Категория: { $category }
tasks-card-course = 📚 Курс: { $course }
tasks-priority-low = Низкий
tasks-priority-normal = Обычный
tasks-priority-high = Высокий
tasks-priority-urgent = Срочный
tasks-status-todo = к выполнению
tasks-status-in_progress = в работе
tasks-status-done = готово ✅
tasks-status-cancelled = отменена

tasks-btn-done = ✅ Готово
tasks-btn-edit = ✏️ Изменить
tasks-btn-reopen = ↩️ Вернуть
tasks-btn-delete = 🗑 Удалить
tasks-btn-snooze-hour = ⏩ Срок +1 ч
tasks-btn-snooze-tomorrow = ⏩ Срок: завтра 9:00
tasks-btn-snooze-week = ⏩ Срок +1 неделя
tasks-btn-due-tomorrow = 📅 Срок: завтра 9:00
tasks-deadline-moved = Срок: { $when }
tasks-btn-course = 📚 Курс
tasks-btn-list = « Задачи
tasks-btn-back = « Назад
tasks-btn-edit-title = Название
tasks-btn-edit-description = Описание
tasks-btn-edit-deadline = Срок
tasks-btn-delete-yes = 🗑 Да, удалить
tasks-btn-delete-no = Оставить
tasks-btn-unlink = ✖️ Без курса
tasks-btn-whole-course = Весь курс
tasks-btn-skip = Пропустить
tasks-btn-no-category = Без категории
tasks-btn-save = ✅ Сохранить
tasks-btn-cancel = ✖️ Отмена
tasks-btn-new-course = ➕ Новый курс
tasks-btn-add-topics = ➕ Добавить темы
tasks-btn-courses = « Курсы

tasks-tab-today = Сегодня
tasks-tab-upcoming = Скоро
tasks-tab-overdue = Просрочено
tasks-tab-done = Готово
tasks-list-title = <b>📋 Задачи — { $tab }</b> (стр. { $page }/{ $pages })
tasks-list-empty-today = На сегодня ничего. /new — новая задача.
tasks-list-empty-upcoming = Впереди ничего. /new — новая задача.
tasks-list-empty-overdue = Просроченных нет. 🎉
tasks-list-empty-done = Пока ничего не сделано.

tasks-done-toast = Готово! ✅
tasks-edit-what = Что изменить?
tasks-edit-ask-title = Пришлите новое название для «<b>{ $title }</b>».
tasks-edit-ask-description = Пришлите новое описание для «<b>{ $title }</b>» («-» — убрать).
tasks-edit-ask-deadline = Какой теперь срок у «<b>{ $title }</b>»? Например, «завтра в 18:00» или «в пятницу в 9».
tasks-edit-saved = Сохранено.
tasks-edit-bad = Не получилось это понять. Попробуйте ещё раз или /cancel.
tasks-edit-stale = Задача за это время изменилась или удалена, поэтому я её не трогал.
tasks-delete-confirm = Удалить «<b>{ $title }</b>»? Это необратимо.
tasks-deleted = Удалено: «<s>{ $title }</s>»
tasks-link-pick-course = К какому курсу относится «<b>{ $title }</b>»? (Новые курсы: /courses)
tasks-link-pick-topic = Какая тема курса <b>{ $course }</b>?
tasks-use-buttons = Выберите одну из кнопок выше (или /cancel).

tasks-new-ask-title = 📝 Новая задача. Что нужно сделать? Пришлите название.
tasks-new-bad-title = Название — от 1 до 200 символов. Что нужно сделать?
tasks-new-ask-description = <b>{ $title }</b>
    Добавьте описание или пропустите.
tasks-new-ask-deadline = 📅 Какой срок? Выберите день или напишите (например, «завтра в 18:00», «в пятницу в 9»).
tasks-new-bad-deadline = Не нашёл в этом дату в будущем. Попробуйте «завтра в 18:00» или выберите день выше.
tasks-new-time-past = Это время сегодня уже прошло. Выберите время позже или напишите его (например, 21:30).
tasks-new-ask-time = 🕒 { $day }: во сколько? Выберите или напишите (например, 14:30).
tasks-new-bad-time = Это не похоже на время. Пришлите, например, 14:30.
tasks-new-past = Это время уже прошло.
tasks-new-ask-priority = ⚡ Насколько это важно?
tasks-new-ask-category = 🏷 Категория? Выберите или напишите новую.
tasks-new-confirm = Сохранить задачу?
tasks-new-saved = ✅ Задача сохранена.
tasks-new-cancelled = Отменено, ничего не сохранил.
tasks-pick-today = Сегодня
tasks-pick-tomorrow = Завтра
tasks-pick-week = Через неделю
tasks-pick-none = Без срока
tasks-pick-back = « Другой день

tasks-deadline-soon = ⏰ Срок через { $left }:
tasks-left-minutes = { $n } мин
tasks-left-hours = { $n } ч
tasks-left-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}

tasks-courses-title = <b>📚 Ваши курсы</b>
tasks-courses-empty = Курсов пока нет.
tasks-course-learned = изучено { $learned }/{ $total }
tasks-course-no-topics = Тем пока нет.
tasks-course-tap-topic = Нажмите на тему, чтобы сменить статус: ⬜ не начата → 🟡 в процессе → ✅ изучена.
tasks-course-ask-name = 📚 Новый курс. Как он называется?
tasks-course-bad-name = Название — от 1 до 100 символов. Как называется курс?
tasks-course-exists = Курс с таким названием уже есть. Выберите другое.
tasks-course-created = Курс <b>{ $course }</b> создан. Теперь пришлите темы по одной в строке, по порядку (или /cancel, чтобы добавить потом).
tasks-course-ask-topics = Пришлите темы для курса <b>{ $course }</b>, по одной в строке.
tasks-course-bad-topics = Пришлите хотя бы одну тему, по одной в строке.

# What the smart inbox shows for this target
tasks-inbox-card = 📝 <b>Задача</b>: { $title }
tasks-inbox-switch = 📝 Это задача
tasks-inbox-saved = ✅ Задача сохранена: «<b>{ $title }</b>» · срок { $when }
tasks-menu-tasks = 📋 Задачи
tasks-menu-courses = 📚 Курсы
