# Reminders
reminders-cmd-remind = Set a reminder
reminders-cmd-reminders = Your reminders
reminders-cmd-digest = Morning digest

reminders-ask-what = ⏰ What should I remind you about?
reminders-ask-when = When? For example: "tomorrow at 9", "in 2 hours", "every weekday at 8:30".
reminders-bad-when = I couldn't find a time in that. Try "tomorrow at 9", "in 2 hours" or "every day at 8:00".
reminders-in-past = That time has already passed. When should I remind you?
reminders-created = ⏰ Reminder set: { $text }
    Next: { $when }
reminders-created-repeat = ⏰ Reminder set: { $text }
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

reminders-list-title = ⏰ Your reminders ({ $count }):
reminders-list-empty = You have no reminders. Set one with /remind tomorrow at 9 call mom
reminders-list-item = { $n }. { $text } — { $when }
reminders-list-paused = paused
reminders-list-ended = no more occurrences
reminders-btn-pause = ⏸ { $n }
reminders-btn-resume = ▶️ { $n }
reminders-btn-delete = 🗑 { $n }
reminders-btn-prev = « Back
reminders-btn-next = More »
reminders-confirm-delete = Delete the reminder "{ $text }"?
reminders-btn-delete-yes = 🗑 Yes, delete
reminders-btn-delete-no = Keep it
reminders-paused = Paused.
reminders-resumed = Resumed.
reminders-deleted = Deleted.
reminders-gone = That reminder no longer exists.


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
reminders-inbox-saved = ✅ Reminder set: <b>{ $title }</b> · { $when }
reminders-menu = ⏰ Reminders
reminders-setting-digest = Morning digest
