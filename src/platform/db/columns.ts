import { timestamp } from 'drizzle-orm/pg-core';

/** A `timestamptz` column read as a JS Date; every time in the schema is one (STYLE: store timestamptz). */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
