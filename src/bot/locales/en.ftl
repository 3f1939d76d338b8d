# Shell
welcome-new = Hi, { $name }! I'm Secretary. Just write what you need to do, for example “dentist tomorrow at 10”, and I'll turn it into a card you can save.
welcome-help = /help shows everything else I can do.
welcome-timezone = 🕒 I've guessed your timezone: { $timezone }, where it's { $time } now. If that's wrong, send your city (e.g. Berlin) or share your location — or just carry on.
timezone-kept = 🕒 Keeping { $timezone } (it's { $time } there now) — change it any time in /settings.
welcome-back = Welcome back, { $name }! Here is the menu.
timezone-share-location = 📍 Share location
timezone-keep = Keep { $timezone }
timezone-set = Timezone set: { $timezone }, local time { $time }.
timezone-not-found = I couldn't find "{ $query }". Try a bigger city nearby, a timezone like Europe/Berlin, or an offset like UTC+3.
timezone-ask = Send a city name, a timezone (Europe/Berlin) or an offset (UTC+3), or share your location.
onboarding-done = All set. Type /menu any time, or /help to see what I can do.

help-title = <b>What I can do</b>
help-just-write = Just write what you need to do in your own words, and I'll make it a task or a reminder.
help =
    /menu — main menu
    /settings — language, timezone, quiet hours, notifications
    /language — change language
    /cancel — leave whatever we are doing
    /token — an API token for your own scripts (API reference at /docs)
    /web — a one-time link to open the app in a browser
    /help — this message

cmd-start = Start and register
cmd-menu = Main menu
cmd-settings = Settings
cmd-language = Language
cmd-cancel = Cancel the current action
cmd-help = Help
cmd-token = API token for scripts and apps
cmd-web = Open the app in a browser

menu-title = <b>Main menu</b>
menu-settings = ⚙️ Settings
menu-help = ❓ Help
menu-language = 🌐 Language
menu-back = « Back
menu-close = ✖️ Close
menu-closed = Menu closed. /menu opens it again.

settings-title =
    <b>Settings</b>
    Language: { $language }
    Timezone: { $timezone }
    Quiet hours: { $quiet }
    Notifications: { $notifications }
    <i>Notifications off: reminders and deadline alerts still arrive, silently (no sound). Quiet hours hold non-urgent ones until they end.</i>
settings-language = 🌐 Language
settings-timezone = 🕒 Timezone
settings-quiet = 🌙 Quiet hours
settings-notifications-on = 🔔 Notifications: on
settings-notifications-off = 🔕 Notifications: off
settings-quiet-off = off
settings-on = on
settings-off = off
language-title = Choose your language:
language-name = English
language-set = Language: English.

quiet-ask-start = 🌙 From what time should I keep quiet? Send a time like 22:00, or "off" to turn quiet hours off.
quiet-ask-end = Until what time? (e.g. 08:00)
quiet-set = Quiet hours: { $start }–{ $end }. Non-urgent messages due then will wait until { $end }.
quiet-off = Quiet hours are off.
quiet-bad-time = That doesn't look like a time. Send something like 22:00.
quiet-same = Start and end can't be the same time. Until what time?

cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
flow-expired = That conversation expired, so I dropped it. Start again whenever you like.

stale-button = This button is out of date.
flood-warning = You're sending messages very fast. I'll pause for a minute, then carry on.
error-generic = Sorry, something went wrong on my side. Please try again. (trace { $trace })
unknown-command = I don't know that command. /help lists what I can do.
fallback-text = I'm not sure what to do with this. Write something to do, like “buy milk tomorrow !high” or “remind me at 9 to call mom” — /help shows everything I can do.
fallback-link = I can't keep links yet. If there's something to do with it, write it as a line: “read the article tomorrow”.
fallback-long-text = That reads like a note, and I can't keep notes yet. If there's something to do in it, send it as one short line, e.g. “send the report on Friday”.
fallback-voice = I can't listen to voice messages yet — please type it, e.g. “call the dentist tomorrow at 10”, and I'll make it a task or a reminder.
fallback-media = I can't keep photos or files yet. Send what you need to do as text and I'll make it a task or a reminder.
fallback-other = I can't do anything with this yet. Send what you need to do as text — /help shows what I can do.
settings-time-ask = Send the time for “{ $setting }” as HH:MM (e.g. 08:30), or “off”.
settings-time-bad = That is not a time: send HH:MM (e.g. 08:30), or “off”.
settings-saved = ✅ Saved.

# Recurrence in words (one describer for every card, list and confirmation)
rule-at = { $rule } at { $time }
rule-minutely = { $n ->
    [1] every minute
   *[other] every { $n } minutes
}
rule-hourly = { $n ->
    [1] every hour
   *[other] every { $n } hours
}
rule-daily = { $n ->
    [1] every day
   *[other] every { $n } days
}
rule-weekdays = every weekday
rule-weekends = every weekend
rule-weekly = { $n ->
    [1] every { $days }
   *[other] every { $n } weeks on { $days }
}
rule-monthly = { $n ->
    [1] every month on day { $day }
   *[other] every { $n } months on day { $day }
}
rule-yearly = { $n ->
    [1] every year on { $date }
   *[other] every { $n } years on { $date }
}
rule-count = ({ $n } times)
rule-until = until { $date }
rule-custom = on a custom schedule

token-issued = 🔑 Your API token (valid until { $until }):
    <code>{ $token }</code>
    Send it as <code>Authorization: Bearer …</code>. The API reference: { $docs }
    Anyone holding it acts as you until then: delete this message once copied. POST /api/v1/auth/logout-all revokes every token.
token-unavailable = This server does not serve the API, so there is no token to give.
web-link = 🌐 Open the app in your browser: { $url }
    The link signs you in once and works until { $until }. Do not forward it: whoever opens it first is signed in as you.
web-unavailable = This server does not serve the app, so there is no link to give.
