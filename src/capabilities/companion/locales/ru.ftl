companion-cmd-reset = Начать разговор заново
companion-cmd-profile = Что я о вас знаю
companion-cmd-forget = Стереть всё, что я о вас храню
companion-cmd-broadcast = Отправить объявление (админы)
companion-setting-checkins = Сообщения от ассистента первым
companion-reset-done = Готово — я забыл наш разговор. О чём поговорим?
companion-reset-done-offline = Готово — я забыл наш разговор. Языковая модель на этом сервере не подключена, поэтому свободно поговорить не получится; задачи, напоминания и заметки работают как прежде — напишите одной строкой, например «завтра в 10 позвонить маме».
companion-offline-ack = 👌 Я здесь. Когда понадобится — напишите задачу или напоминание одной строкой.
companion-stage-name = { $stage ->
    [newcomer] новичок
    [settling-in] осваиваетесь
    [regular] постоянный
    [drifting-away] на паузе
   *[other] { $stage }
}
companion-offline =
    Свободно поговорить сейчас не получится: языковая модель не подключена, и притворяться я не буду.
    Зато могу: напишите задачу или напоминание одной строкой («завтра в 10 позвонить маме») — я сохраню.
companion-offline-paused =
    Свободно поговорить сейчас не получится, и притворяться я не буду.
    Зато могу: напишите задачу или напоминание одной строкой («завтра в 10 позвонить маме») — я сохраню.
companion-offline-feeling =
    Спасибо, что поделились — звучит непросто. Без языковой модели я не смогу как следует поговорить об этом, но я вас слышу. Если получится, сделайте небольшой перерыв; а всё, что нужно сделать, можно написать сюда одной строкой — я прослежу.
companion-offline-agenda = На сегодня у вас:
companion-offline-empty = На сегодня ничего не запланировано — хороший момент что-нибудь спланировать.
companion-offline-task = • { $title }{ $when }
companion-offline-reminder = • ⏰ { $text } — { $when }
companion-profile-show =
    <b>Ваш профиль</b> (этап: { $stage })
    Прогресс: { $bar } { $progress }% — { $reason }
    { $summary }
    Интересы: { $interests }
    Цели: { $goals }
    Активны: { $times }
companion-profile-empty = (пока пусто — профиль пишется раз в день по вашим действиям)
companion-profile-none = —
companion-profile-edit = ✏️ Изменить
companion-profile-erase = 🗑 Стереть
companion-profile-edit-prompt = Пришлите текст для профиля — что мне стоит о вас знать.
companion-profile-edited = Сохранил. Ваши слова останутся, пока вы их не сотрёте.
companion-profile-erased = Профиль стёрт.
companion-profile-template = Этап: { $stage }. Активны { $days } из последних 14 дней; за 30 дней сделано { $done }, разговоров { $chats }.
companion-forget-confirm = Это сотрёт всё, что я о вас храню: задачи, напоминания, заметки, записи, разговор и профиль. Отменить нельзя. Уверены?
companion-forget-yes = Да, стереть всё
companion-forget-no = Нет, оставить
companion-forget-done = Всё стёрто. Напишите мне, когда захотите начать заново.
companion-forget-kept = Ничего не стёрто.
companion-checkin-inactivity = { $stage ->
    [newcomer] Привет, { $name }! Прошло { $days } дн. — помочь занести первые планы?
    [regular] { $name }, не виделись { $days } дн. Что-нибудь спланируем на сегодня?
    [drifting-away] { $name }, без давления — просто заглянул. Если поможет небольшой план на сегодня, я рядом.
   *[other] Привет, { $name }! Прошло { $days } дн. Посмотрим вместе на сегодня?
  }
companion-checkin-deadline = { $stage ->
    [newcomer] Срок «{ $title }» — в течение суток. Напомнить за час?
   *[other] Срок «{ $title }» — в течение суток, а дело пока не сдвинулось. Сделаем маленький первый шаг?
  }
companion-checkin-streak = Вы активны { $days } дня подряд — одно небольшое дело сегодня сохранит серию.
companion-checkin-stage = { $stage ->
    [regular] Похоже, это стало привычкой — здорово. Что-то сделать по-другому?
    [drifting-away] В последнее время тихо. Писать реже? Сообщения можно выключить в /settings.
   *[other] Рад, что вы здесь. Вот что я могу сделать для вас сегодня.
  }
companion-quick-today = 📋 Что сегодня?
companion-quick-tour = 🧭 Что ты умеешь?
companion-quick-later = 👍 Не сейчас
companion-quick-stop = 🔕 Не писать первым
companion-quick-later-done = Хорошо, позже.
companion-quick-stop-done = Больше не пишу первым. Включить снова — в /settings.
companion-quick-tour-text = Я — { $persona }. Я веду задачи (/new), напоминания (/remind), заметки и записи. Просто напишите, что нужно, одной строкой.
companion-broadcast-prompt = Пришлите текст объявления (/cancel — отмена).
companion-broadcast-segment = Кому отправить?
companion-segment-all = Всем
companion-segment-active = Активным за 7 дней
companion-segment-ru = Русскоязычным
companion-segment-en = Англоязычным
companion-broadcast-preview = Выше — предпросмотр · получателей: { $total }. Отправить?
companion-broadcast-send = 🚀 Отправить
companion-broadcast-discard = Отменить
companion-broadcast-discarded = Отменено.
companion-broadcast-pause = ⏸ Пауза
companion-broadcast-resume = ▶️ Продолжить
companion-broadcast-cancel = ✖️ Отменить
companion-broadcast-progress-running = Отправка: { $done } / { $total } · заблокировали: { $blocked } · ошибок: { $failed } · осталось ~{ $eta } мин
companion-broadcast-progress-paused = Пауза на { $done } / { $total } · заблокировали: { $blocked } · ошибок: { $failed }
companion-broadcast-progress-draft = Ждёт запуска…
companion-broadcast-progress-done = Готово: отправлено { $sent } · заблокировали { $blocked } · ошибок { $failed } за { $seconds } с
companion-broadcast-progress-cancelled = Отменено на { $done } / { $total }
companion-broadcast-final-running = { companion-broadcast-progress-running }
companion-broadcast-final-paused = { companion-broadcast-progress-paused }
companion-broadcast-final-draft = { companion-broadcast-progress-draft }
companion-broadcast-final-done = ✅ Рассылка завершена: отправлено { $sent } · заблокировали { $blocked } · ошибок { $failed } из { $total } за { $seconds } с
companion-broadcast-final-cancelled = ✖️ Рассылка отменена: отправлено { $sent } · заблокировали { $blocked } · ошибок { $failed } из { $total }
companion-broadcast-state = С этой рассылкой сейчас так нельзя.
companion-menu-profile = 🙂 Обо мне
companion-menu-broadcast = 📣 Объявление
companion-progress-none = ещё не оценён: первая оценка придёт с ночным обновлением
companion-progress-rules = Активны { $days } из последних 14 дней.
companion-recommendation = 💡 Стоит взглянуть: { $title }
