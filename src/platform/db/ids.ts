const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids come from people (URLs, buttons, cursors): anything not shaped like a UUID cannot name a row,
 * and is refused before it reaches a `uuid` column (where PostgreSQL would answer an error).
 */
export const isUuid = (id: string): boolean => UUID.test(id);
