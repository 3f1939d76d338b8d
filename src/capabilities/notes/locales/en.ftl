notes-filed = 📁 Filed to <b>{ $topic }</b>
notes-btn-move = ↪️ Move
notes-btn-undo = ↩️ Undo
notes-btn-new-topic = ➕ New topic
notes-btn-inbox = 📥 Inbox
notes-btn-cancel = ✖️ Cancel
notes-pending = 🤔 Which topic is this for?
    <i>{ $text }</i>
notes-pending-expires = Without an answer it goes to Inbox at { $when }.
notes-expired = ⌛ No answer — filed to <b>{ $topic }</b>.
    <i>{ $text }</i>
notes-move-prompt = Move to which topic?
    <i>{ $text }</i>
notes-undone = ↩️ Undone: the note is deleted.
notes-cancelled = ✖️ Cancelled: the note is not kept.
notes-new-topic-prompt = Name of the new topic?
notes-appended = ➕ Added to the note.
notes-no-stt = 🎙 Speech recognition is not set up on this server, so I keep the audio as a note without a transcript.
notes-stt-failed = 🎙 I could not transcribe this audio; I keep it as a note without a transcript.
notes-find-usage = Search your notes: /find words
notes-find-none = Nothing found for “{ $q }”.
notes-find-title = 🔎 “{ $q }”: { $n } found
notes-settings = 🗂 <b>Notes settings</b>
    Filing threshold: { $threshold }%
    Pending waits: { $ttl } h, then Inbox
    Style: { $style }
    Default topic: { $fallback }
    Forum: { $forum } · posting { $post }
    Change them in /settings.
notes-preview = <b>Preview:</b>
notes-forum-none = not connected (run /connect in your forum group)
notes-connect-not-forum = /connect works in a supergroup with topics enabled.
notes-connect-not-admin = Make me an administrator who may manage topics, then run /connect again.
notes-connect-not-owner = Only an administrator of this group can connect it.
notes-connected = ✅ Connected. Topics created here: { $created }; already mapped: { $mapped }. Filed notes will be posted into their threads.
notes-cmd-find = Search notes
notes-cmd-notes = Notes settings
notes-setting-threshold = Notes: filing threshold
notes-setting-threshold-30 = 30%
notes-setting-threshold-40 = 40%
notes-setting-threshold-50 = 50%
notes-setting-threshold-60 = 60%
notes-setting-threshold-70 = 70%
notes-setting-threshold-80 = 80%
notes-setting-threshold-90 = 90%
notes-setting-ttl = Notes: pending waits
notes-setting-ttl-1h = 1 hour
notes-setting-ttl-6h = 6 hours
notes-setting-ttl-24h = 24 hours
notes-setting-ttl-72h = 3 days
notes-setting-style = Notes: style
notes-setting-style-detailed = detailed
notes-setting-style-compact = compact
notes-setting-style-minimal = minimal
notes-setting-forum = Notes: post into the forum
notes-inbox-card = 🗒 Note: { $title }
notes-inbox-saved = ✅ Note saved: { $title }
notes-inbox-switch = 🗒 It's a note
notes-album-files = 📎 { $count ->
    [one] { $count } file
   *[other] { $count } files
  }
notes-menu = 🗒 Notes
notes-overview-title = <b>🗒 Your notes by topic</b>
notes-overview-topic = { $emoji } { $name } — { $n }
notes-overview-topic-closed = { $emoji } { $name } — { $n } (closed)
notes-overview-empty = No notes yet: send me any thought, link, photo or voice message and I will file it.
notes-overview-hint = Search: /find word. Filing settings: /notes. Topics are managed in the Mini App.
notes-inbox-name = Inbox
notes-gist-voice = { $seconds ->
    [0] 🎙 voice
   *[other] 🎙 voice, { $seconds } s
  }
notes-gist-audio = { $seconds ->
    [0] 🎵 audio
   *[other] 🎵 audio, { $seconds } s
  }
notes-gist-photo = 🖼 photo
notes-gist-file = 📎 file
notes-help-connect = (in your forum group) file notes into its topics
notes-cmd-topics = Note topics: list and rename
notes-new-topic-done = ✅ Topic “{ $topic }” is ready and the note is in it (the card above is updated).
notes-topics-title = <b>🗂 Your note topics</b>
notes-topics-line = { $i }. { $name } — { $n }{ $closed ->
    [1] {" "}(closed)
   *[0] {""}
  }
notes-topics-rename = ✏️ { $name }
notes-topics-hint = Press a topic to rename it (its forum thread is renamed too).
notes-topics-ask = New name for “{ $name }”? Send it, or /cancel.
notes-topics-bad-name = Send a name of 1 to { $max } characters, or /cancel.
notes-topics-taken = You already have a topic “{ $name }”. Send another name, or /cancel.
notes-topics-gone = That topic no longer exists. /topics shows the current ones.
notes-topics-renamed = ✅ Renamed: “{ $before }” → “{ $after }”.
notes-thread-filed = 🗂 Kept as a note in <b>{ $topic }</b>.
