alert-dead-letters-firing =
    ⚠️ Тревога: задания не выполнились после всех повторов и отложены в очереди недоставленных: { $queues }.
    Посмотреть: `secretary dead-letters`; после исправления причины повторить: `secretary dead-letters --replay` или по одному в мини-приложении: Админ → Очереди.
alert-dead-letters-resolved =
    ✅ Отбой: очереди недоставленных вернулись к состоянию до { $since } (задания повторены или удалены).
alert-database-firing =
    🔴 Тревога: база данных недоступна ({ $error }).
    Обновления пока ждут в Telegram. Проверьте, что PostgreSQL запущен и DATABASE_URL указывает на него.
alert-database-resolved =
    ✅ Отбой: база данных снова отвечает (была недоступна с { $since }, около { $minutes } мин).
alert-telegram-token-firing =
    🔴 Тревога: Telegram отклоняет токен бота (401). Укажите действующий TELEGRAM_BOT_TOKEN (от @BotFather) и перезапустите.
alert-telegram-token-resolved =
    ✅ Отбой: Telegram снова принимает токен бота. { $undelivered ->
        [yes] Он отклонялся с { $since }, около { $minutes } мин; отправить сообщение в это время было нельзя, поэтому вы узнаёте об этом только сейчас.
       *[no] Он отклонялся с { $since }, около { $minutes } мин.
    }
alert-ai-circuit-firing =
    ⚠️ Тревога: AI-провайдер { $providers } постоянно ошибается; ответы идут из офлайн-шаблонов, пока он не восстановится.
    Проверьте страницу статуса провайдера и ключ API.
alert-ai-circuit-resolved =
    ✅ Отбой: AI-провайдер снова отвечает (ошибался с { $since }, около { $minutes } мин).
