import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { UserService } from '../../../platform/users/user-service.ts';
import type { T } from '../insights-texts.ts';
import type { InsightsSources } from '../sources.ts';
import { buildCalendar } from './calendar-feed.ts';
import { createFeedTokens } from './feed-tokens.ts';

/** Where the feed is served, under the API prefix (`access: 'public'`: the token is the credential). */
export const FEED_PATH = '/api/v1/calendar';

export interface CalendarService {
  /** The user's private feed URL (made on first use). */
  url(userId: string): Promise<string>;
  /** A new URL; the old one answers 404 from now on. */
  reset(userId: string): Promise<string>;
  /** The .ics of the feed a token opens; `not_found` for an unknown or reset token. */
  ics(token: string): Promise<string>;
}

export function createCalendarService(deps: {
  db: Db;
  users: UserService;
  sources: InsightsSources;
  now: () => Date;
  publicUrl: () => string;
  translate: (language: string) => T;
}): CalendarService {
  const tokens = createFeedTokens(deps);
  const link = (token: string) => `${deps.publicUrl()}${FEED_PATH}/${token}.ics`;
  const gone = () =>
    new DomainError(
      'not_found',
      'calendar_feed_not_found',
      'No calendar at this address: the link was reset or mistyped. Send /calendar to the bot for the current one.',
    );
  return {
    url: async (userId) => link(await tokens.current(userId)),
    reset: async (userId) => link(await tokens.reset(userId)),
    async ics(token) {
      const userId = await tokens.owner(token);
      const user = userId ? await deps.users.getById(userId) : null;
      if (!user) throw gone();
      return buildCalendar({
        user,
        sources: deps.sources,
        now: deps.now(),
        t: deps.translate(user.language),
      });
    },
  };
}
