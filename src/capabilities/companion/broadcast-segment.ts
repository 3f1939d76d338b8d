import { z } from '@hono/zod-openapi';
import { and, gte, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { users } from '../../platform/db/schema.ts';
import { companionProfiles } from './companion-tables.ts';

/** Who a broadcast goes to (SPEC 2.5). Users who blocked the bot are never in a segment. */
export const segmentSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('active'), days: z.number().int().min(1).max(365).default(7) }),
    z.object({ kind: z.literal('language'), language: z.enum(['ru', 'en']) }),
    z.object({ kind: z.literal('role'), role: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/) }),
    z.object({ kind: z.literal('stage'), stage: z.string().regex(/^[a-z][a-z-]{1,30}$/) }),
  ])
  .openapi('BroadcastSegment');
export type Segment = z.infer<typeof segmentSchema>;

/** The WHERE clause over `users` for a segment (the stage needs the profiles joined by the caller). */
export function segmentWhere(segment: Segment, now: Date): SQL | undefined {
  const base = [isNotNull(users.telegramId), isNull(users.blockedBotAt)];
  switch (segment.kind) {
    case 'all':
      return and(...base);
    case 'active':
      return and(...base, gte(users.lastSeenAt, new Date(now.getTime() - segment.days * 86_400_000)));
    case 'language':
      return and(...base, sql`${users.language} = ${segment.language}`);
    case 'role':
      return and(...base, sql`${segment.role} = ANY(${users.roles})`);
    case 'stage':
      return and(
        ...base,
        sql`EXISTS (SELECT 1 FROM ${companionProfiles} p WHERE p.user_id = ${users.id} AND p.stage = ${segment.stage})`,
      );
  }
}
