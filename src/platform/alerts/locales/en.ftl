alert-dead-letters-firing =
    ⚠️ Alert: jobs failed every retry and were parked in dead-letter queues: { $queues }.
    List them with `secretary dead-letters`; after fixing the cause, replay them with `secretary dead-letters --replay`, or one by one on the Mini App's Admin → Queues page.
alert-dead-letters-resolved =
    ✅ Resolved: the dead-letter queues are back to where they were before { $since } (jobs replayed or removed).
alert-database-firing =
    🔴 Alert: the database is unreachable ({ $error }).
    Updates wait at Telegram meanwhile. Check that PostgreSQL is running and DATABASE_URL points at it.
alert-database-resolved =
    ✅ Resolved: the database answers again (it was unreachable from { $since }, about { $minutes } min).
alert-telegram-token-firing =
    🔴 Alert: Telegram rejects the bot token (401). Set a valid TELEGRAM_BOT_TOKEN (from @BotFather) and restart.
alert-telegram-token-resolved =
    ✅ Resolved: Telegram accepts the bot token again. { $undelivered ->
        [yes] It was rejected from { $since } for about { $minutes } min; no message could be sent meanwhile, so this is the first you hear of it.
       *[no] It was rejected from { $since } for about { $minutes } min.
    }
alert-ai-circuit-firing =
    ⚠️ Alert: the AI provider { $providers } keeps failing; answers come from the offline templates until it recovers.
    Check the provider's status page and your API key.
alert-ai-circuit-resolved =
    ✅ Resolved: the AI provider answers again (it failed from { $since }, about { $minutes } min).
