-- An album (photos/documents sent together share Telegram's media_group_id) is one note: the
-- first item creates it, later items of the same album in the same chat are appended to it.
-- Kept in the database so an album survives a restart between its items.
ALTER TABLE notes ADD COLUMN media_group_id text;
CREATE UNIQUE INDEX notes_media_group_idx ON notes (user_id, chat_id, media_group_id)
  WHERE media_group_id IS NOT NULL;
