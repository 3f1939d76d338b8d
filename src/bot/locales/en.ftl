# Shell
welcome-new = Hi, { $name }! I'm Secretary — your assistant for tasks, reminders, notes and bookings.
    First, which timezone are you in? Send a city name (e.g. Berlin) or share your location.
    I've guessed { $timezone } for now.
welcome-back = Welcome back, { $name }! Here is the menu.
timezone-share-location = 📍 Share location
timezone-keep = Keep { $timezone }
timezone-set = Timezone set: { $timezone } (local time { $time }).
timezone-not-found = I couldn't find "{ $query }". Try a bigger city nearby, a timezone like Europe/Berlin, or an offset like UTC+3.
timezone-ask = Send a city name, a timezone (Europe/Berlin) or an offset (UTC+3), or share your location.
onboarding-done = All set. Type /menu any time, or /help to see what I can do.

help =
    <b>What I can do</b>
    /menu — main menu
    /settings — language, timezone, quiet hours, notifications
    /language — change language
    /cancel — leave whatever we are doing
    /help — this message

cmd-start = Start and register
cmd-menu = Main menu
cmd-settings = Settings
cmd-language = Language
cmd-cancel = Cancel the current action
cmd-help = Help

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
fallback-text = I'm not sure what to do with this. Try “buy milk tomorrow !high” or “remind me at 9 to call mom” — or /help.
settings-time-ask = Send the time for “{ $setting }” as HH:MM (e.g. 08:30), or “off”.
settings-time-bad = That is not a time: send HH:MM (e.g. 08:30), or “off”.
settings-saved = ✅ Saved.
