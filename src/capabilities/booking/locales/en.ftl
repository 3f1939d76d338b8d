booking-notice-created-confirmation = ✅ You are booked: { $service } with { $specialist }, { $when } ({ $location }).
booking-notice-created-requested = ⏳ Your request is in: { $service } with { $specialist }, { $when } ({ $location }). You will hear when it is confirmed.
booking-notice-created-created-for-you = 📅 A booking was made for you: { $service } with { $specialist }, { $when } ({ $location }).
booking-notice-created-new = 🆕 New booking: { $client } — { $service } with { $specialist }, { $when }.
booking-needs-approval = ⏳ Waiting for confirmation.
booking-notice-cancelled-cancelled = ❌ Booking cancelled: { $client } — { $service } with { $specialist }, { $when }.
booking-notice-cancelled-your-cancelled = ❌ Your booking was cancelled: { $service }, { $when }.
booking-notice-rescheduled-moved = 🔁 Booking moved: { $client } — { $service } with { $specialist }, { $was } → { $when }.
booking-notice-confirmed-confirmed = ✅ Booking confirmed: { $client } — { $service } with { $specialist }, { $when }.
booking-notice-declined-declined = 🚫 Booking declined: { $service } with { $specialist }, { $when }.
booking-notice-expired-expired = ⌛ Not confirmed in time, the booking was released: { $client } — { $service }, { $when }.
booking-notice-done-card = ❓ Did the visit happen? { $client } — { $service } with { $specialist }, { $when }.
booking-button-confirm = ✅ Confirm
booking-button-decline = 🚫 Decline
booking-button-visit-yes = ✅ Yes
booking-button-visit-no = ❌ No
booking-reminder = ⏰ Reminder: { $service } { $when } ({ $location }), in about { $hours } h.
booking-pending-reminder = ⏳ Still waiting for your decision: { $client } — { $service }, { $when }.
booking-cmd-book = Book an appointment
booking-cmd-mybookings = My bookings
booking-cmd-schedule = My schedule (specialists)
booking-cmd-admin = Business admin
booking-menu-book = 📅 Book
booking-menu-mybookings = My bookings
booking-menu-schedule = My schedule
booking-menu-admin = Booking admin
booking-none-yet = Nothing to book yet.
booking-pick-service = What would you like to book?
booking-service-button = { $name } · { $minutes } min
booking-service-button-priced = { $name } · { $minutes } min · { $price }
booking-pick-location = Where?
booking-pick-specialist = With whom?
booking-any-specialist = Anyone available
booking-pick-day = Pick a day (only days with free time are shown):
booking-no-days = No free time this month. Try the next one ›
booking-pick-slot = { $day }: pick a time.
booking-back = ‹ Back
booking-confirm-card = Book { $service } with { $specialist }, { $when } ({ $location })?
booking-confirm-move = Move your booking to { $when } with { $specialist } ({ $location })?
booking-button-book = ✅ Confirm
booking-done-confirmed = ✅ Booked for { $when }.
booking-done-pending = ⏳ Requested for { $when }.
booking-moved-done = 🔁 Moved to { $when }.
booking-use-buttons = Please use the buttons above (or /cancel).
booking-line = { $when } — { $service } { $client } · { $status }
booking-status-pending = awaiting confirmation
booking-status-confirmed = confirmed
booking-status-done = done
booking-status-cancelled = cancelled
booking-status-no_show = no-show
booking-no-shows = no-shows: { $n }
booking-mine-title = Your bookings:
booking-mine-empty = You have no upcoming bookings. /book to make one.
booking-button-reschedule = 🔁 Move #{ $n }
booking-button-cancel = ❌ Cancel #{ $n }
booking-schedule-title = Your schedule for the next 7 days:
booking-schedule-not-specialist = /schedule shows a specialist's appointments. You are not a specialist here: to book, use /book; if you work here, ask the owner to add you.
booking-schedule-empty = Nothing booked for the next 7 days.
booking-button-mark-done = ✅ #{ $n } came
booking-button-mark-noshow = 🚫 #{ $n } no-show
booking-card-confirm = ✅ Confirmed
booking-card-decline = 🚫 Declined
booking-card-complete = ✅ Marked as done
booking-card-no-show = 🚫 Marked as no-show
booking-card-cancel = ❌ Cancelled
booking-admin-only = This is for the business admin.
booking-admin-title = Business admin:
booking-admin-today = 📅 Today
booking-admin-pending = ⏳ Pending
booking-admin-add-location = ➕ Location
booking-admin-add-service = ➕ Service
booking-admin-add-specialist = ➕ Specialist
booking-admin-hours = 🕘 Working hours
booking-admin-nothing = Nothing here.
booking-setup-ask-location-name = Name of the location?
booking-setup-ask-location-zone = Its timezone (e.g. Europe/Berlin)?
booking-setup-bad-zone = I don't know that timezone. Try a zone like Europe/Berlin.
booking-setup-location-saved = 📍 Location “{ $name }” saved ({ $zone }).
booking-setup-ask-service-name = Name of the service?
booking-setup-ask-service-duration = How long does it take, in minutes (a multiple of 15)?
booking-setup-bad-duration = Please send minutes: 15, 30, 45 … up to 720.
booking-setup-ask-service-approval = Should bookings wait for your confirmation?
booking-setup-approval-yes = Yes, I confirm each
booking-setup-approval-no = No, book at once
booking-setup-service-saved = 💇 Service “{ $name }” ({ $minutes } min) saved.
booking-setup-service-linked = 💇 Service “{ $name }” ({ $minutes } min) saved and linked to { $count ->
        [one] the one specialist
       *[other] all { $count } specialists
    }, so clients can book it now. Untick anyone who does not provide it, then press Done.
booking-setup-service-done = Done
booking-setup-service-provided = 💇 “{ $name }” is provided by { $names }. Clients can book it now.
booking-setup-service-unprovided = 💇 Nobody provides “{ $name }” yet, so clients cannot book it. Tick who does and press Done (or leave it for now).
booking-setup-ask-specialist-id = Who is the specialist? Forward a message from them, send their Telegram id (a number), or their @username to get a one-time invite link for them.
booking-setup-bad-id = Please send the Telegram id as a number.
booking-setup-ask-specialist-name = Their name as clients will see it?
booking-setup-specialist-saved = 👤 { $name } added: { $services ->
        [one] { $services } service
       *[other] { $services } services
    }, { $locations ->
        [one] { $locations } location
       *[other] { $locations } locations
    }.
booking-setup-pick-specialist = Whose hours?
booking-setup-ask-hours = Send the hours, one line per rule: weekdays (1 = Monday), hours, optional break. E.g. “1-5 09:00-18:00 13:00-14:00”.
booking-setup-bad-hours = I could not read that. Example: “1-5 09:00-18:00 13:00-14:00” (times on the quarter hour).
booking-setup-hours-saved = 🕘 Working hours saved.
booking-error-generic = That did not work. Please try again.
booking-error-slot-unavailable = That time is no longer free. How about one of these?
booking-error-booking-cutoff-passed = It is too late to change this booking here; please contact the business.
booking-error-booking-forbidden = You cannot do that with this booking.
booking-error-booking-status-conflict = This booking has already been settled.
booking-error-booking-not-started = The visit has not started yet.
booking-error-booking-changed = The booking changed meanwhile; please open it again.
booking-error-booking-not-found = That booking no longer exists.
booking-error-booking-specialist-exists = This person is already a specialist.
booking-push-title = Your booking
booking-web-title = Book an appointment
booking-web-other-language = Русский
booking-web-start-over = Start over
booking-web-mine = My bookings
booking-web-mine-empty = You have no bookings yet.
booking-web-pick-location = Where?
booking-web-pick-service = What would you like to book?
booking-web-pick-specialist = With whom?
booking-web-any-specialist = Any specialist
booking-web-pick-day = Which day?
booking-web-pick-time = What time?
booking-web-no-days = No free times in the next two weeks. Try another specialist or service.
booking-web-no-times = No free times left that day. Choose another day.
booking-web-confirm-title = Check and confirm
booking-web-summary = { $service } with { $specialist }, { $when } ({ $location }).
booking-web-confirm-button = Confirm booking
booking-web-done-title = Done
booking-web-booked = You are booked: { $service }, { $when }.
booking-web-requested = Your request is in: { $service }, { $when }. You will be told when it is confirmed.
booking-web-push-enable = Notify me in this browser
booking-web-push-on = Notifications are on in this browser.
booking-web-push-failed = Notifications could not be turned on; allow them in the browser settings and try again.
booking-web-push-unsupported = This browser cannot receive notifications; check “My bookings” instead.
booking-web-login-title = Sign in to book
booking-web-identity-label = Phone number or e-mail
booking-web-identity-note = We send a 6-digit code there. No password, no Telegram needed.
booking-web-send-code = Send the code
booking-web-code-title = Enter the code
booking-web-code-sent = We sent a code to { $identity }. It is valid for 10 minutes.
booking-web-code-label = 6-digit code
booking-web-verify = Sign in
booking-web-error-title = That did not work
booking-web-error-generic = Something in the request was not right. Start over and choose again.
booking-web-error-booking-identity-invalid = Enter a phone number (digits, optional +) or an e-mail address.
booking-web-error-booking-code-rate-limited = Too many codes or attempts. Wait 15 minutes, then ask for a new code.
booking-web-error-booking-code-wrong = That code is wrong, used or expired. Check it, or ask for a new code.
booking-web-error-booking-code-delivery-missing = This server cannot send login codes yet. Book through the Telegram bot instead.
booking-web-error-slot-unavailable = That time has just been taken. Go back and pick another time.
booking-web-error-not-found = That choice no longer exists. Start over.
booking-web-error-validation-failed = That selection is incomplete. Start over and choose again.
booking-web-status-pending = waiting for confirmation
booking-web-status-confirmed = confirmed
booking-web-status-done = done
booking-web-status-cancelled = cancelled
booking-web-status-no-show = missed
booking-web-sign-out = Sign out
booking-code-subject = Your sign-in code
booking-code-message = Your sign-in code: { $code }. It is valid for 10 minutes. If you did not ask for it, ignore this message.
booking-admin-exceptions = 📆 Days off & extra hours
booking-admin-notices = 🔔 Notifications
booking-exc-pick-specialist = Whose days off or extra hours?
booking-exc-pick-location = At which location?
booking-exc-title = { $name } ({ $location }): days off and extra hours
booking-exc-none = Nothing set yet.
booking-exc-pick-day = Pick a day to add one, or tap 🗑 to remove one:
booking-exc-line-off = { $day } — day off
booking-exc-line-extra = { $day } — extra hours { $from }–{ $to }
booking-exc-ask-kind = { $day }: a day off, or extra hours? Tap “Day off”, or send the extra hours like 10:00–14:00.
booking-exc-day-off = 🚫 Day off
booking-exc-bad-hours = I could not read that. Send the extra hours as HH:MM–HH:MM on the quarter hour (e.g. 10:00–14:00, the end after the start), or tap “Day off”.
booking-error-booking-hours-invalid = The end must come after the start, on the quarter hour (e.g. 10:00–14:00).
booking-error-booking-day-invalid = That is not a date. Pick a day on the calendar.
booking-error-booking-exception-missing = That exception was already removed.
booking-error-booking-specialist-missing = That specialist no longer works at this location.
booking-ntf-title = 🔔 Notifications: tap a button to switch that notice on (✅) or off (⛔). Tap an event to set or clear its ad footer (📣).
booking-ntf-created = New booking
booking-ntf-cancelled = Cancelled
booking-ntf-rescheduled = Moved
booking-ntf-confirmed = Confirmed
booking-ntf-declined = Declined
booking-ntf-expired = Expired unconfirmed
booking-ntf-done = Did the visit happen?
booking-ntf-role-client = Client
booking-ntf-role-specialist = Specialist
booking-ntf-role-admin = Admin
booking-ntf-push = (web)
booking-ntf-ask-footer = Ad footer for “{ $event }” notices (now: { $now }). Send the new text, up to 300 characters.
booking-ntf-clear-footer = 🧹 Remove the footer
booking-ntf-footer-saved = 📣 Footer saved.
booking-error-booking-ad-text-invalid = A footer is 1 to 300 characters. Send a shorter text.
booking-error-booking-notice-cell-unknown = That notice does not exist. Open 🔔 Notifications again.
booking-specialist-not-started = ℹ️ { $specialist } hasn't opened the bot yet, so they were not told:
    { $missed }
    Send them this link; once they press Start they get their bookings here: { $link }
booking-zone-label = { $city } time
booking-zone-label-named = { $city } time
booking-times-in-zone = Times are { $label }.
booking-line-mine = { $when } — { $service } with { $specialist } · { $status }
booking-cancel-sure = Cancel this booking?
    { $line }
booking-cancel-yes = Yes, cancel it
booking-cancel-no = No, keep it
booking-cancelled-card = ❌ Cancelled: { $when } — { $service } with { $specialist }.
booking-button-quit = ✖️ Cancel
booking-flow-cancelled = Nothing was booked. /book to start again.
booking-inbox-card = 📅 Booking: { $title }
booking-inbox-saved = 📅 Booked: { $title }
booking-inbox-switch = 📅 It's a booking
booking-inbox-anyone = anyone available
booking-inbox-offer = 📅 { $service } ({ $location }), { $specialist }: the first free times from { $from }. Tap one to book it.
booking-inbox-no-times = 📅 No free time for { $service } ({ $location }), { $specialist }, in the two weeks from { $from }. Try /book to pick another day or specialist.
booking-inbox-which = 📅 Which service would you like? We offer: { $services }. Tap one to see the free days.

## Issue 31: the salon run from the bot (admin-manage.ts, admin-bookings.ts)
booking-admin-manage = ✏️ Setup
booking-admin-book-for = 📝 Book for a client
booking-mg-title = ✏️ Setup: open a location, service or specialist to change or remove it. Currency: { $currency }.
booking-mg-currency-none = not set
booking-mg-locations = 📍 Locations
booking-mg-services = 💇 Services
booking-mg-specialists = 👤 Specialists
booking-mg-currency = 💱 Currency
booking-mg-pick-location = Which location?
booking-mg-pick-service = Which service?
booking-mg-pick-specialist = Which specialist?
booking-mg-back = ⬅️ Back
booking-mg-minutes = { $n } min
booking-mg-location-card =
    📍 { $name }
    Timezone: { $zone }
    Address: { $address }
booking-mg-service-card =
    💇 { $name }
    Duration: { $duration } · Price: { $price }
    Buffers: { $before } before, { $after } after
    Minimum notice: { $notice } · Bookable up to { $ahead } days ahead
    Clients may cancel or move it until { $cutoff } before
    Confirmation: { $approval }
booking-mg-approval-never = booked at once
booking-mg-approval-always = each booking waits for you
booking-mg-approval-below-notice = only bookings made less than a day ahead wait for you
booking-mg-specialist-card =
    👤 { $name } (Telegram id { $telegram })
    Offers: { $offers }
booking-mg-offers-none = nothing yet — tap “Services & places”
booking-mg-gone = That was removed meanwhile. Open ✏️ Setup again.
booking-mg-field-name = Name
booking-mg-field-zone = Timezone
booking-mg-field-address = Address
booking-mg-field-duration = Duration
booking-mg-field-price = Price
booking-mg-field-before = Buffer before
booking-mg-field-after = Buffer after
booking-mg-field-notice = Notice
booking-mg-field-ahead = Days ahead
booking-mg-field-cutoff = Cancel cut-off
booking-mg-field-approval = Confirmation ↻
booking-mg-field-telegram = Telegram account
booking-mg-assign = 🧩 Services & places
booking-mg-remove = 🗑 Remove
booking-mg-assign-title = 🧩 What { $name } offers where: tap to tick or untick, then Done.
booking-mg-assign-nothing = Add a location and a service first.
booking-mg-ask-location-name = New name for “{ $name }”?
booking-mg-ask-location-zone = Where is “{ $name }”? Send a city (London, Berlin) or a timezone (Europe/London).
booking-mg-ask-location-address = The address of “{ $name }”? Send - to clear it.
booking-mg-ask-service-name = New name for “{ $name }”?
booking-mg-ask-service-duration = How long does “{ $name }” take? E.g. 45, 1h, 1h 30 (a multiple of 15 minutes, up to 12 h).
booking-mg-ask-service-price = The price of “{ $name }”? E.g. 25 or 25.50. Send - for no price.
booking-mg-ask-service-before = Free time before “{ $name }” (minutes, 0–240)? E.g. 10 or 15 min.
booking-mg-ask-service-after = Free time after “{ $name }” (minutes, 0–240)? E.g. 15.
booking-mg-ask-service-notice = How long ahead at least must “{ $name }” be booked? E.g. 60, 2h.
booking-mg-ask-service-ahead = How many days ahead may clients book “{ $name }” (1–366)?
booking-mg-ask-service-cutoff = Until how long before the start may clients cancel or move “{ $name }”? E.g. 120, 24h.
booking-mg-ask-specialist-name = New name for { $name }, as clients will see it?
booking-mg-ask-specialist-telegram = { $name }'s new Telegram account: forward any message from them, or send their numeric id.
booking-mg-bad-name = Send a name of 1 to 120 characters.
booking-mg-bad-zone = I don't know that place. Send a city like London or Москва, or a timezone like Europe/London.
booking-mg-bad-address = Send an address of up to 300 characters, or - to clear it.
booking-mg-bad-duration = I could not read that. Send minutes on the quarter hour, 15 to 720: e.g. 45, 1h or 1h 30.
booking-mg-bad-price = I could not read that price. Send e.g. 25, 25.50 or 1 500; - for no price.
booking-mg-bad-before = Send minutes from 0 to 240, e.g. 10.
booking-mg-bad-after = Send minutes from 0 to 240, e.g. 15.
booking-mg-bad-notice = Send a time like 60, 2h or 1h 30 (up to a year).
booking-mg-bad-ahead = Send a number of days from 1 to 366, e.g. 30.
booking-mg-bad-cutoff = Send a time like 120, 24h or 2h 30 (up to a year).
booking-mg-bad-telegram = Forward a message from them, or send their Telegram id as a number (e.g. 123456789).
booking-mg-bad-currency = I don't know that currency. Send a code like EUR, USD, GBP or RUB (or €, $, £, ₽).
booking-mg-ask-currency = Which currency are your prices in? Now: { $currency }. Send a code like EUR, USD or RUB.
booking-mg-currency-saved = 💱 Prices are in { $currency } now, e.g. { $example }.
booking-mg-remove-sure = Remove “{ $name }”? If bookings name it, it is archived instead: hidden from new bookings, its bookings kept.
booking-mg-remove-yes = Yes, remove
booking-mg-remove-no = No, keep it
booking-mg-deleted = 🗑 “{ $name }” removed.
booking-mg-archived = 📦 “{ $name }” archived: clients can no longer book it; { $n ->
        [one] its booking ahead stays
       *[other] its { $n } bookings ahead stay
    } as they are.
booking-mg-archived-history = 🗑 “{ $name }” removed from new bookings (past bookings keep its name).
booking-setup-forward-hidden = Their privacy settings hide who they are in forwarded messages. Ask them for their numeric Telegram id (e.g. via @userinfobot) and send it.
booking-setup-ask-location-city = Where is it? Send a city (London, Berlin) or a timezone (Europe/London).
booking-setup-ask-hours-typed = Send the hours, e.g. “Mon-Fri 9-18”, “Mon-Fri 9am-6pm break 1pm-2pm” or “Sat 10-14”, or by day numbers (1 = Monday) as “1-5 09:00-18:00 13:00-14:00”; several rules split by ; or new lines. Times on the quarter hour.
booking-setup-bad-hours-typed = I could not read that. Examples: “Mon-Fri 9-18”, “Mon-Fri 9:00-18:00 break 13-14”, “Sat-Sun 10am-2pm” (times on the quarter hour, each day once).
booking-setup-hours-saved-as = 🕘 Working hours saved: { $hours }.
booking-setup-ask-specialist-who = Who is the specialist? Forward any message from them, or send their numeric Telegram id.
booking-desk-card =
    📅 { $when } — { $service }
    Client: { $client }
    With { $specialist } ({ $location }) · { $status }
booking-desk-reschedule = 🔁 Reschedule
booking-desk-cancel = ❌ Cancel
booking-desk-came = ✅ Came
booking-desk-no-show = 🚫 No-show
booking-desk-cancel-sure = Cancel this booking? The client will be told.
booking-desk-cancel-yes = Yes, cancel it
booking-desk-cancel-no = No, keep it
booking-desk-ask-client = Who is it for? Forward a message from them, send their Telegram id, or for a walk-in their name and phone: “Anna Smith, +44 20 7946 0958”.
booking-desk-bad-client = I could not tell who that is. Forward a message from them, send their Telegram id (a number), or a name and phone like “Anna Smith, +44 20 7946 0958”.
booking-desk-for = 📝 Booking for { $client }.
booking-desk-pick-service = Which service?
booking-desk-pick-location = Where?
booking-desk-pick-specialist = With whom?
booking-desk-anyone = Anyone free
booking-desk-nobody = Nobody offers that service there yet. Assign it in ✏️ Setup → Specialists.
booking-desk-pick-day = Which day?
booking-desk-pick-time = What time?
booking-desk-no-days = No free times in the next two weeks. Try another specialist or service.
booking-desk-booked = ✅ Booked.
booking-error-booking-client-missing = That person hasn't written to the bot yet. Ask them to open it and press Start, or book them as a walk-in by name and phone.
booking-error-booking-phone-invalid = That is not a phone number. Send 7 to 15 digits, optionally with + (e.g. +44 20 7946 0958).
booking-error-booking-currency-invalid = Not a currency code. Send e.g. EUR, USD or RUB.
booking-error-booking-reference-missing = That service or place is no longer offered. Start again.
booking-error-booking-location-missing = That location was removed meanwhile.
booking-error-booking-service-missing = That service was removed meanwhile.
booking-error-booking-timezone-invalid = I don't know that timezone. Send a city like London or a zone like Europe/London.
booking-error-booking-duration-invalid = A duration is a multiple of 15 minutes, e.g. 45 or 1h 30.
booking-client-erased = a client
booking-forget-preview = 📅 You have { $n ->
        [one] a booking
       *[other] { $n } bookings
    } ahead: { $n ->
        [one] it will be cancelled
       *[other] they will be cancelled
    } and the salon told (without your name).
booking-invite-accepted = ✅ You are now a specialist here, as { $name }. Your bookings come to this chat; /schedule shows your week.
booking-invite-unusable = This invite link was used already or has expired. Ask the owner for a new one.
booking-invite-for-username = I can't look up { $username }: Telegram doesn't tell bots who a username belongs to. Send them this one-time link instead (it works for { $hours } hours); when they open it and press Start, they become a specialist:
    { $link }
booking-invite-joined = 👤 { $name } joined as a specialist through your invite link.
