# Tasks and study
tasks-cmd-new = New task
tasks-cmd-tasks = My tasks
tasks-cmd-courses = Courses and topics

tasks-no-deadline = no deadline
tasks-overdue-mark = ⚠️ overdue
tasks-card-priority = ⚡ Priority: { $priority }
tasks-card-status = 🔖 Status: { $status }
tasks-card-category = 🏷 Category: { $category }
tasks-card-course = 📚 Course: { $course }
tasks-priority-low = Low
tasks-priority-normal = Normal
tasks-priority-high = High
tasks-priority-urgent = Urgent
tasks-status-todo = to do
tasks-status-in_progress = in progress
tasks-status-done = done ✅
tasks-status-cancelled = cancelled

tasks-btn-done = ✅ Done
tasks-btn-edit = ✏️ Edit
tasks-btn-reopen = ↩️ Reopen
tasks-btn-delete = 🗑 Delete
tasks-btn-snooze-hour = ⏩ Deadline +1 h
tasks-btn-snooze-tomorrow = ⏩ Deadline: tomorrow 9:00
tasks-btn-snooze-week = ⏩ Deadline +1 week
tasks-btn-due-tomorrow = 📅 Due tomorrow 9:00
tasks-deadline-moved = Deadline: { $when }
tasks-btn-course = 📚 Course
tasks-btn-list = « Tasks
tasks-btn-back = « Back
tasks-btn-edit-title = Title
tasks-btn-edit-description = Description
tasks-btn-edit-deadline = Deadline
tasks-btn-delete-yes = 🗑 Yes, delete
tasks-btn-delete-no = Keep it
tasks-btn-unlink = ✖️ No course
tasks-btn-whole-course = The whole course
tasks-btn-skip = Skip
tasks-btn-no-category = No category
tasks-btn-save = ✅ Save
tasks-btn-cancel = ✖️ Cancel
tasks-btn-new-course = ➕ New course
tasks-btn-add-topics = ➕ Add topics
tasks-btn-courses = « Courses

tasks-tab-today = Today
tasks-tab-upcoming = Upcoming
tasks-tab-overdue = Overdue
tasks-tab-done = Done
tasks-list-title = <b>📋 Tasks — { $tab }</b> (page { $page }/{ $pages })
tasks-list-empty-today = Nothing due today. /new adds a task.
tasks-list-empty-upcoming = Nothing upcoming. /new adds a task.
tasks-list-empty-overdue = Nothing overdue. 🎉
tasks-list-empty-done = Nothing done yet.

tasks-done-toast = Done! ✅
tasks-edit-what = What do you want to change?
tasks-edit-ask-title = Send the new title for “<b>{ $title }</b>”.
tasks-edit-ask-description = Send the new description for “<b>{ $title }</b>” ("-" removes it).
tasks-edit-ask-deadline = When is “<b>{ $title }</b>” due now? E.g. "tomorrow 18:00" or "next friday 9:00".
tasks-edit-saved = Saved.
tasks-edit-bad = I couldn't use that. Try again, or /cancel.
tasks-edit-stale = That task changed or is gone meanwhile, so I left it as it is.
tasks-delete-confirm = Delete “<b>{ $title }</b>”? This can't be undone.
tasks-deleted = Deleted: “<s>{ $title }</s>”
tasks-link-pick-course = Which course is “<b>{ $title }</b>” for? (New courses: /courses)
tasks-link-pick-topic = Which topic of <b>{ $course }</b>?
tasks-use-buttons = Please pick one of the buttons above (or /cancel).

tasks-new-ask-title = 📝 New task. What needs doing? Send the title.
tasks-new-bad-title = The title should be 1–200 characters. What needs doing?
tasks-new-ask-description = <b>{ $title }</b>
    Add a description, or skip.
tasks-new-ask-deadline = 📅 When is it due? Pick a day, or type it (e.g. "tomorrow 18:00", "friday 9am").
tasks-new-bad-deadline = I couldn't read a future date in that. Try "tomorrow 18:00", or pick a day above.
tasks-new-time-past = That time has already passed today. Pick a later one or type it (e.g. 21:30).
tasks-new-ask-time = 🕒 { $day }: at what time? Pick one or type it (e.g. 14:30).
tasks-new-bad-time = That doesn't look like a time. Send something like 14:30.
tasks-new-past = That moment has already passed.
tasks-new-ask-priority = ⚡ How important is it?
tasks-new-ask-category = 🏷 Category? Pick one or type a new name.
tasks-new-confirm = Save this task?
tasks-new-saved = ✅ Task saved.
tasks-new-cancelled = Cancelled, nothing saved.
tasks-pick-today = Today
tasks-pick-tomorrow = Tomorrow
tasks-pick-week = Next week
tasks-pick-none = No deadline
tasks-pick-back = « Other day

tasks-deadline-soon = ⏰ Due in { $left }:
tasks-left-minutes = { $n } min
tasks-left-hours = { $n } h
tasks-left-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}

tasks-courses-title = <b>📚 Your courses</b>
tasks-courses-empty = No courses yet.
tasks-course-learned = { $learned }/{ $total } learned
tasks-course-no-topics = No topics yet.
tasks-course-tap-topic = Tap a topic to move it on: ⬜ not started → 🟡 in progress → ✅ learned.
tasks-course-ask-name = 📚 New course. What is it called?
tasks-course-bad-name = The name should be 1–100 characters. What is the course called?
tasks-course-exists = You already have a course with that name. Pick another name.
tasks-course-created = Course <b>{ $course }</b> created. Now send its topics, one per line, in order (or /cancel to add them later).
tasks-course-ask-topics = Send the topics to add to <b>{ $course }</b>, one per line.
tasks-course-bad-topics = Send at least one topic, one per line.

# What the smart inbox shows for this target
tasks-inbox-card = 📝 <b>Task</b>: { $title }
tasks-inbox-switch = 📝 It's a task
tasks-inbox-saved = ✅ Task saved: “<b>{ $title }</b>” · due { $when }
tasks-menu-tasks = 📋 Tasks
tasks-menu-courses = 📚 Courses
