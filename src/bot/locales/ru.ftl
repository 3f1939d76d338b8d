# Shell
welcome-new = Привет, { $name }! Я Secretary — помощник для задач, напоминаний, заметок и записей.
    Для начала: в каком вы часовом поясе? Пришлите название города (например, Москва) или поделитесь геопозицией.
    Пока я поставил { $timezone }.
welcome-back = С возвращением, { $name }! Вот меню.
timezone-share-location = 📍 Отправить геопозицию
timezone-keep = Оставить { $timezone }
timezone-set = Часовой пояс: { $timezone } (местное время { $time }).
timezone-not-found = Не нашёл «{ $query }». Попробуйте крупный город рядом, пояс вида Europe/Moscow или смещение вроде UTC+3.
timezone-ask = Пришлите город, часовой пояс (Europe/Moscow) или смещение (UTC+3) — или поделитесь геопозицией.
onboarding-done = Готово. Меню — /menu, что я умею — /help.

help =
    <b>Что я умею</b>
    /menu — главное меню
    /settings — язык, часовой пояс, тихие часы, уведомления
    /language — сменить язык
    /cancel — прервать текущее действие
    /help — это сообщение

cmd-start = Начать и зарегистрироваться
cmd-menu = Главное меню
cmd-settings = Настройки
cmd-language = Язык
cmd-cancel = Отменить текущее действие
cmd-help = Помощь

menu-title = <b>Главное меню</b>
menu-settings = ⚙️ Настройки
menu-help = ❓ Помощь
menu-language = 🌐 Язык
menu-back = « Назад
menu-close = ✖️ Закрыть
menu-closed = Меню закрыто. /menu откроет его снова.

settings-title =
    <b>Настройки</b>
    Язык: { $language }
    Часовой пояс: { $timezone }
    Тихие часы: { $quiet }
    Уведомления: { $notifications }
settings-language = 🌐 Язык
settings-timezone = 🕒 Часовой пояс
settings-quiet = 🌙 Тихие часы
settings-notifications-on = 🔔 Уведомления: вкл
settings-notifications-off = 🔕 Уведомления: выкл
settings-quiet-off = выкл
settings-on = вкл
settings-off = выкл
language-title = Выберите язык:
language-name = Русский
language-set = Язык: русский.

quiet-ask-start = 🌙 С какого времени мне молчать? Пришлите время вроде 22:00 или «выкл», чтобы отключить тихие часы.
quiet-ask-end = До какого времени? (например, 08:00)
quiet-set = Тихие часы: { $start }–{ $end }. Несрочные сообщения в это время подождут до { $end }.
quiet-off = Тихие часы выключены.
quiet-bad-time = Это не похоже на время. Пришлите что-то вроде 22:00.
quiet-same = Начало и конец не могут совпадать. До какого времени?

cancel-done = Отменено.
cancel-nothing = Отменять нечего.
flow-expired = Разговор устарел, я его сбросил. Начните заново, когда удобно.

stale-button = Эта кнопка устарела.
flood-warning = Вы пишете очень быстро. Сделаю паузу на минуту, потом продолжим.
error-generic = Простите, у меня что-то сломалось. Попробуйте ещё раз. (trace { $trace })
unknown-command = Не знаю такой команды. /help — список того, что я умею.
fallback-text = Не понял, что с этим сделать. Попробуйте «купить молоко завтра !важно» или «напомни в 9 позвонить маме» — или /help.
settings-time-ask = Пришлите время для «{ $setting }» в виде ЧЧ:ММ (например, 08:30) или «выкл».
settings-time-bad = Это не время: пришлите ЧЧ:ММ (например, 08:30) или «выкл».
settings-saved = ✅ Сохранено.
