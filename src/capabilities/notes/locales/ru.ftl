notes-filed = 📁 В теме <b>{ $topic }</b>
notes-btn-move = ↪️ Перенести
notes-btn-undo = ↩️ Отменить
notes-btn-new-topic = ➕ Новая тема
notes-btn-inbox = 📥 Входящие
notes-btn-cancel = ✖️ Отмена
notes-pending = 🤔 В какую тему это?
    <i>{ $text }</i>
notes-pending-expires = Без ответа уйдёт во «Входящие» в { $when }.
notes-expired = ⌛ Ответа не было — заметка в теме <b>{ $topic }</b>.
    <i>{ $text }</i>
notes-move-prompt = В какую тему перенести?
    <i>{ $text }</i>
notes-undone = ↩️ Отменено: заметка удалена.
notes-cancelled = ✖️ Отмена: заметка не сохранена.
notes-new-topic-prompt = Как назвать новую тему?
notes-appended = ➕ Добавил к заметке.
notes-no-stt = 🎙 Распознавание речи на этом сервере не настроено, поэтому сохраняю аудио как заметку без расшифровки.
notes-stt-failed = 🎙 Не удалось расшифровать аудио; сохраняю его как заметку без расшифровки.
notes-find-usage = Поиск по заметкам: /find слова
notes-find-none = По запросу «{ $q }» ничего не нашлось.
notes-find-title = 🔎 «{ $q }»: найдено { $n }
notes-settings = 🗂 <b>Настройки заметок</b>
    Порог уверенности: { $threshold }%
    Ожидание ответа: { $ttl } ч, затем «Входящие»
    Стиль: { $style }
    Тема по умолчанию: { $fallback }
    Форум: { $forum } · публикация { $post }
    Изменить — в /settings.
notes-preview = <b>Пример:</b>
notes-forum-none = не подключён (выполните /connect в группе-форуме)
notes-connect-not-forum = /connect работает в супергруппе с включёнными темами.
notes-connect-not-admin = Сделайте меня администратором с правом управлять темами и снова выполните /connect.
notes-connect-not-owner = Подключить группу может только её администратор.
notes-connected = ✅ Подключено. Создано тем: { $created }; уже связано: { $mapped }. Заметки будут публиковаться в свои темы.
notes-cmd-find = Поиск по заметкам
notes-cmd-notes = Настройки заметок
notes-setting-threshold = Заметки: порог уверенности
notes-setting-threshold-30 = 30%
notes-setting-threshold-40 = 40%
notes-setting-threshold-50 = 50%
notes-setting-threshold-60 = 60%
notes-setting-threshold-70 = 70%
notes-setting-threshold-80 = 80%
notes-setting-threshold-90 = 90%
notes-setting-ttl = Заметки: ожидание ответа
notes-setting-ttl-1h = 1 час
notes-setting-ttl-6h = 6 часов
notes-setting-ttl-24h = 24 часа
notes-setting-ttl-72h = 3 дня
notes-setting-style = Заметки: стиль
notes-setting-style-detailed = подробный
notes-setting-style-compact = компактный
notes-setting-style-minimal = минимальный
notes-setting-forum = Заметки: публиковать в форум
notes-inbox-card = 🗒 Заметка: { $title }
notes-inbox-saved = ✅ Заметка сохранена: { $title }
notes-inbox-switch = 🗒 Это заметка
notes-album-files = 📎 { $count ->
    [one] { $count } файл
    [few] { $count } файла
   *[other] { $count } файлов
  }
notes-menu = 🗒 Заметки
notes-overview-title = <b>🗒 Ваши заметки по темам</b>
notes-overview-topic = { $emoji } { $name } — { $n }
notes-overview-topic-closed = { $emoji } { $name } — { $n } (закрыта)
notes-overview-empty = Заметок пока нет: пришлите мысль, ссылку, фото или голосовое — я разложу по темам.
notes-overview-hint = Поиск: /find слово. Настройки раскладки: /notes. Темами можно управлять в мини-приложении.
notes-inbox-name = Входящие
notes-gist-voice = { $seconds ->
    [0] 🎙 голосовое
   *[other] 🎙 голосовое, { $seconds } с
  }
notes-gist-audio = { $seconds ->
    [0] 🎵 аудио
   *[other] 🎵 аудио, { $seconds } с
  }
notes-gist-photo = 🖼 фото
notes-gist-file = 📎 файл
notes-help-connect = (в вашей группе-форуме) раскладывать заметки по её темам
notes-cmd-topics = Темы заметок: список и переименование
notes-new-topic-done = ✅ Тема «{ $topic }» готова, заметка в ней (карточка выше обновлена).
notes-topics-title = <b>🗂 Темы ваших заметок</b>
notes-topics-line = { $i }. { $name } — { $n }{ $closed ->
    [1] {" "}(закрыта)
   *[0] {""}
  }
notes-topics-rename = ✏️ { $name }
notes-topics-hint = Нажмите на тему, чтобы переименовать её (тема в форуме переименуется тоже).
notes-topics-ask = Новое название для «{ $name }»? Пришлите его или /cancel.
notes-topics-bad-name = Пришлите название от 1 до { $max } символов или /cancel.
notes-topics-taken = Тема «{ $name }» у вас уже есть. Пришлите другое название или /cancel.
notes-topics-gone = Этой темы больше нет. /topics покажет текущие.
notes-topics-renamed = ✅ Переименовано: «{ $before }» → «{ $after }».
notes-thread-filed = 🗂 Сохранил как заметку в теме <b>{ $topic }</b>.
