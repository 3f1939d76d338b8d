companion-cmd-reset = Start the conversation afresh
companion-cmd-profile = What I know about you
companion-cmd-forget = Erase everything I keep about you
companion-cmd-broadcast = Send an announcement (admins)
companion-setting-checkins = Check-ins from the assistant
companion-reset-done = Done — I have forgotten our conversation. What shall we talk about?
companion-reset-done-offline = Done — I have forgotten our conversation. No language model is configured on this server, so I can't chat freely; tasks, reminders and notes work as before — write one in a line, e.g. “call mom tomorrow at 10”.
companion-offline-ack = 👌 I'm here. Write a task or a reminder in one line whenever you need one.
companion-stage-name = { $stage ->
    [newcomer] newcomer
    [settling-in] settling in
    [regular] regular
    [drifting-away] taking a break
   *[other] { $stage }
}
companion-offline =
    I can't hold a free conversation right now: no language model is configured, so I won't pretend.
    Here is what I can do: write a task or a reminder in one line ("call mom tomorrow at 10") and I'll save it.
companion-offline-paused =
    I can't hold a free conversation right now, so I won't pretend.
    Here is what I can do: write a task or a reminder in one line ("call mom tomorrow at 10") and I'll save it.
companion-offline-feeling =
    Thank you for telling me — that sounds like a lot. I can't talk it through properly without a language model, but I hear you. Take a short break if you can; whatever is on your plate can be written here in one line and I'll keep track of it.
companion-offline-agenda = Today for you:
companion-offline-empty = Nothing due today — a good moment to plan something.
companion-offline-task = • { $title }{ $when }
companion-offline-reminder = • ⏰ { $text } — { $when }
companion-profile-show =
    <b>Your profile</b> (stage: { $stage })
    Progress: { $bar } { $progress }% — { $reason }
    { $summary }
    Interests: { $interests }
    Goals: { $goals }
    Active: { $times }
companion-profile-empty = (nothing yet — it is written once a day from what you do)
companion-profile-none = —
companion-profile-edit = ✏️ Edit
companion-profile-erase = 🗑 Erase
companion-profile-edit-prompt = Send me the text for your profile (what you want me to know about you).
companion-profile-edited = Saved. Your words stay until you erase them.
companion-profile-erased = Your profile is erased.
companion-profile-template = Stage: { $stage }. Active on { $days } of the last 14 days; { $done } things done and { $chats } chats in 30 days.
companion-forget-confirm = This erases everything I keep about you — tasks, reminders, notes, bookings, conversation and profile. It cannot be undone. Sure?
companion-forget-yes = Yes, erase everything
companion-forget-no = No, keep it
companion-forget-done = Everything is erased. Write to me any time to start over.
companion-forget-kept = Nothing was erased.
companion-checkin-inactivity = { $stage ->
    [newcomer] Hi { $name }! It's been { $days } days — want a hand getting your first plans in?
    [regular] Hi { $name }, haven't seen you in { $days } days. Anything to plan today?
    [drifting-away] { $name }, no pressure — just checking in. If a small plan for today would help, I'm here.
   *[other] Hi { $name }! It's been { $days } days. Shall we look at today together?
  }
companion-checkin-deadline = { $stage ->
    [newcomer] "{ $title }" is due within a day. Want me to remind you an hour before?
   *[other] "{ $title }" is due within a day and hasn't moved yet. A small first step now?
  }
companion-checkin-streak = You've been active { $days } days in a row — one small thing today keeps the streak going.
companion-checkin-stage = { $stage ->
    [regular] You've made this a habit — nice. Anything you'd like me to handle differently?
    [drifting-away] It's been quiet lately. Should I check in less often? You can switch check-ins off in /settings.
   *[other] Good to have you here. Here's what I can do for you today.
  }
companion-quick-today = 📋 What's on today?
companion-quick-tour = 🧭 What can you do?
companion-quick-later = 👍 Not now
companion-quick-stop = 🔕 Stop check-ins
companion-quick-later-done = Okay, later then.
companion-quick-stop-done = Check-ins are off. Switch them back on in /settings.
companion-quick-tour-text = I'm { $persona }. I keep tasks (/new), reminders (/remind), notes and bookings. Just write what you need in one line.
companion-broadcast-prompt = Send the announcement text (/cancel to stop).
companion-broadcast-segment = Who should get it?
companion-segment-all = Everyone
companion-segment-active = Active in 7 days
companion-segment-ru = Russian speakers
companion-segment-en = English speakers
companion-broadcast-preview = Preview above · { $total } recipients. Send it?
companion-broadcast-send = 🚀 Send
companion-broadcast-discard = Discard
companion-broadcast-discarded = Discarded.
companion-broadcast-pause = ⏸ Pause
companion-broadcast-resume = ▶️ Resume
companion-broadcast-cancel = ✖️ Cancel
companion-broadcast-progress-running = Sending: { $done } / { $total } · { $blocked } blocked · { $failed } failed · ETA { $eta } min
companion-broadcast-progress-paused = Paused at { $done } / { $total } · { $blocked } blocked · { $failed } failed
companion-broadcast-progress-draft = Waiting to start…
companion-broadcast-progress-done = Done: { $sent } sent · { $blocked } blocked · { $failed } failed in { $seconds } s
companion-broadcast-progress-cancelled = Cancelled at { $done } / { $total }
companion-broadcast-final-running = { companion-broadcast-progress-running }
companion-broadcast-final-paused = { companion-broadcast-progress-paused }
companion-broadcast-final-draft = { companion-broadcast-progress-draft }
companion-broadcast-final-done = ✅ Broadcast done: { $sent } sent · { $blocked } blocked · { $failed } failed of { $total } in { $seconds } s
companion-broadcast-final-cancelled = ✖️ Broadcast cancelled: { $sent } sent · { $blocked } blocked · { $failed } failed of { $total }
companion-broadcast-state = That broadcast can't do this now.
companion-menu-profile = 🙂 About me
companion-menu-broadcast = 📣 Announcement
companion-progress-none = not judged yet: the first reading comes with the nightly refresh
companion-progress-rules = Active on { $days } of the last 14 days.
companion-recommendation = 💡 Worth a look: { $title }
