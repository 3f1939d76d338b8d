import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import { computeFigures } from './figures-query.ts';
import type { Figures, PeriodKind } from './insight-types.ts';
import { resolvePeriod } from './period.ts';

export interface InsightsService {
  /** The figures of a period in the user's current timezone. */
  figures(userId: string, kind: PeriodKind, custom?: { from?: string; to?: string }): Promise<Figures>;
}

export function createInsightsService(deps: {
  db: Db;
  users: UserService;
  now: () => Date;
}): InsightsService {
  return {
    async figures(userId, kind, custom) {
      const user = await deps.users.getById(userId);
      if (!user) throw new DomainError('not_found', 'user_not_found', 'No such user');
      const now = deps.now();
      return computeFigures(deps.db, userId, resolvePeriod(kind, user.timezone, now, custom), now);
    },
  };
}
