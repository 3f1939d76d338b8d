# Reminders
reminders-cmd-remind = Set a reminder
reminders-cmd-reminders = Your reminders
reminders-cmd-digest = Morning digest

reminders-ask-what = ⏰ What should I remind you about?
reminders-ask-when = When? For example: "tomorrow at 9", "in 2 hours", "every weekday at 8:30".
reminders-bad-when = I couldn't find a time in that. Try "tomorrow at 9", "in 2 hours" or "every day at 8:00".
reminders-in-past = That time has already passed. When should I remind you?
reminders-created = ⏰ Reminder set: “{ $text }”
    Next: { $when }
reminders-created-repeat = ⏰ Reminder set: “{ $text }”
    Repeats { $rule }
    Next: { $when }
reminders-error = I couldn't save that reminder: { $reason }

reminders-fired = ⏰ { $text }
reminders-fired-was-due = (was due { $time })
reminders-btn-done = ✅ Done
reminders-btn-skip = ⏭ Skip
reminders-btn-snooze-15 = 💤 15 min
reminders-btn-snooze-60 = 💤 1 h
reminders-btn-tomorrow = 🌅 Tomorrow 9:00
reminders-state-done = ✅ Done
reminders-state-skipped = ⏭ Skipped
reminders-state-snoozed = 💤 Snoozed until { $time }

reminders-list-title = ⏰ Your reminders ({ $count }), soonest first:
reminders-list-empty = You have no reminders. Set one with /remind tomorrow at 9 call mom
reminders-list-item = { $n }. { $text } — { $when }
reminders-list-hint = Tap a reminder to open it: change its text, time or repetition, pause or delete it.
reminders-list-paused = ⏸ paused
reminders-list-snoozed = 💤 snoozed until { $time }
reminders-list-ended = no more occurrences
reminders-btn-open = { $n }. { $text }
reminders-btn-open-paused = ⏸ { $n }. { $text }
reminders-btn-prev = « Back
reminders-btn-next = More »

reminders-card-title = ⏰ “{ $text }”
reminders-card-next = 🕒 Next: { $when }
reminders-card-snoozed = 💤 Snoozed until { $when }
reminders-card-paused = ⏸ Paused: it won't fire until you resume it.
reminders-card-ended = ✔️ Nothing left to fire. Give it a new time to use it again.
reminders-card-repeat = 🔁 Repeats { $rule }
reminders-card-once = 🔂 Once
reminders-btn-edit-text = ✏️ Text
reminders-btn-edit-time = 🕒 Time
reminders-btn-edit-repeat = 🔁 Repeat
reminders-btn-pause = ⏸ Pause
reminders-btn-resume = ▶️ Resume
reminders-btn-delete = 🗑 Delete
reminders-btn-back-list = « All reminders
reminders-btn-cancel = ✖️ Cancel
reminders-btn-once = 🔂 Don't repeat
reminders-btn-move-to = ➡️ Move to { $when }
reminders-edit-ask-text = ✏️ Send the new text for “{ $text }”.
reminders-edit-ask-time = 🕒 When should I remind you about “{ $text }”? For example: “tomorrow at 9”, “in 2 hours”, “Friday 18:00”.
reminders-edit-ask-repeat = 🔁 How should “{ $text }” repeat? Write it as for /remind: “every day at 9”, “every weekday at 8:30”, “every Monday”, “every 2 hours”.
reminders-edit-bad-text = That text can't be used: send 1 to 1000 characters, or tap Cancel.
reminders-edit-bad-time = I couldn't find a time in that. Try “tomorrow at 9”, “in 2 hours” or “Friday 18:00”, or tap Cancel.
reminders-edit-bad-repeat = I couldn't read a repetition in that. Try “every day at 9”, “every weekday” or “every 2 weeks”, or tap Cancel.
reminders-edit-past = ⚠️ That time has already passed. Move it to { $when }, or send another time.
reminders-edit-saved = ✅ Saved.
reminders-edit-saved-rule = ✅ Saved. The repetition changed too: { $rule } (was { $was }).
reminders-edit-cancelled = Nothing changed.
reminders-moved-to = Moved to { $when }
reminders-once-needs-time = It has no time ahead to keep: set one with “🕒 Time” first.
reminders-nothing-to-pause = This reminder has nothing left to pause: give it a new time, or delete it.
reminders-confirm-delete = Delete the reminder “{ $text }”?
reminders-btn-delete-yes = 🗑 Yes, delete
reminders-btn-delete-no = Keep it
reminders-paused = Paused.
reminders-resumed = Resumed.
reminders-deleted-named = 🗑 Deleted “{ $text }”.
reminders-gone = That reminder no longer exists (it was deleted, or it is not yours). /reminders shows your current list.


reminders-digest-title = ☀️ Good morning! Your day, { $date }
reminders-digest-tasks = Tasks ({ $count }):
reminders-digest-reminders = Reminders ({ $count }):
reminders-digest-set = ☀️ Morning digest: every day at { $time } (your time, { $timezone }). Days with nothing planned send nothing. /digest off switches it off.
reminders-digest-off = The morning digest is off.
reminders-digest-status-on = ☀️ Morning digest: every day at { $time }. Change it with /digest 8:00, or /digest off.
reminders-digest-status-off = The morning digest is off. Switch it on with a time, e.g. /digest 8:00.
reminders-digest-bad = Send a time like /digest 8:00, or /digest off.

# What the smart inbox shows for this target
reminders-inbox-card = ⏰ <b>Reminder</b>: { $title }
reminders-inbox-switch = ⏰ It's a reminder
reminders-inbox-saved = ✅ Reminder set: “<b>{ $title }</b>” · { $when }
reminders-menu = ⏰ Reminders
reminders-setting-digest = Morning digest

# The rule of a reminder typed in words (the Mini App's edit box)
reminders-rule-once = once on { $when }
reminders-rule-not-understood = I could not read a time or a repetition in “{ $text }”. Try “every Monday at 10:00” or “tomorrow at 9”.
reminders-rule-bad-time = “{ $time }” is not a time of day. Write it as 0:00–23:59, e.g. “every day at 9:30”.
