# Insights
insights-cmd-stats = Statistics and charts
insights-cmd-calendar = Calendar feed link
insights-cmd-export = Export my data
insights-menu-stats = 📊 Statistics
insights-setting-weekly = Weekly report
insights-setting-weekly-day = Weekly report day
insights-setting-weekly-day-mon = Monday
insights-setting-weekly-day-tue = Tuesday
insights-setting-weekly-day-wed = Wednesday
insights-setting-weekly-day-thu = Thursday
insights-setting-weekly-day-fri = Friday
insights-setting-weekly-day-sat = Saturday
insights-setting-weekly-day-sun = Sunday
insights-setting-weekly-time = Weekly report time
insights-offer-weekly = 📊 Send me a weekly report on Sundays at 19:00
insights-offer-weekly-done = Done: your weekly report comes on { $day } at { $time }. Change the day and time, or turn it off, in /settings.
insights-btn-week = This week
insights-btn-last-week = Last week
insights-btn-month = Month
insights-title = 📊 { $from } – { $to }
insights-chart-title = { $from } – { $to }
insights-chart-per-day = Completed per day
insights-chart-hours = Productive hours
insights-chart-courses = Courses
insights-line-tasks = ✅ Completed: { $completed } · created: { $created }
insights-line-rate = 🎯 Due and done: { $dueDone } of { $due } ({ $rate }%)
insights-line-on-time = ⏱ On time: { $rate }%{ $late ->
    [none] {""}
   *[other] {""} · late by { $late } min on average
  }
insights-line-overdue = ⚠️ Overdue now: { $n }
insights-line-streak = 🔥 Streak: { $current } { $current ->
    [one] day
   *[other] days
  } (best { $best })
insights-line-best-time = 🕒 Most productive: { $weekday }, around { $hour }:00
insights-line-reminders = 🔔 Reminders: { $done } done · { $skipped } skipped · { $snoozed } snoozed
insights-line-course = 📚 { $name }: { $learned }/{ $topics } topics
insights-line-notes = 🗂 Notes filed: { $filed } ({ $topics })
insights-line-bookings = 📅 Bookings: { $kept } kept · { $noShows } missed · { $cancelled } cancelled · { $upcoming } upcoming
insights-nothing = Nothing done in this period yet.
insights-weekly-title = 🗓 Your week
insights-insight-rate-high = You finished { $dueDone } of { $due } tasks that were due — { $rate }%. Keep it up!
insights-insight-rate-low = { $dueDone } of { $due } tasks that were due got done ({ $rate }%). Fewer, smaller tasks may help next week.
insights-insight-streak = You have completed something { $current } days in a row — your best run is { $best }.
insights-insight-hour = You get most done around { $hour }:00; plan the hard things then.
insights-insight-quiet = A quiet week. One small task tomorrow starts a new streak.
insights-calendar-link = 📅 Your private calendar feed (subscribe in Google, Apple or Outlook Calendar):
    { $url }
    Keep it secret: anyone with the link sees your tasks and reminders.
insights-calendar-private = ⚠️ This address only works on this computer or network: Google and Apple fetch calendars from their own servers and cannot reach it. The operator sets PUBLIC_URL to the server's public https address (e.g. https://secretary.example.com) for the link to work there; an app on this same machine can use it as it is.
insights-calendar-reset = Reset the link
insights-calendar-was-reset = The old link no longer works. New link:
    { $url }
insights-export-caption = Your data: everything as JSON, tasks also as CSV.
insights-error = Could not build your statistics. Please try again later.
insights-calendar-name = Secretary
insights-calendar-task = Task
insights-calendar-reminder = Reminder
insights-calendar-booking = Booking
insights-topic-inbox = Inbox
