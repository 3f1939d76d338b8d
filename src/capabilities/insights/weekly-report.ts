import type { ScheduleHandler } from '../../platform/capability/schedules.ts';
import { quietHoursEnd } from '../../platform/time/quiet-hours.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import type { NotifyFn } from '../capability.ts';
import { chartPng } from './chart.ts';
import type { InsightsService } from './insights-service.ts';
import { chartLabels, summaryText, type T, templateInsight } from './insights-texts.ts';
import type { InsightWriter } from './model-insight.ts';

import { WEEKLY_SCHEDULE } from './weekly-settings.ts';

/**
 * The weekly report: the week's figures and an insight — the model's when a provider is configured
 * and every number in it is one of the figures, from templates otherwise — with the week's chart.
 * Sent through the notify queue with a key per local date, so a retried firing sends once;
 * inside the user's quiet hours it is queued for the moment they end (it is never urgent).
 */
export function weeklyReportHandler(deps: {
  insights: InsightsService;
  writer: InsightWriter;
  users: UserService;
  notify: NotifyFn;
  translate: (language: string) => T;
  now: () => Date;
}): ScheduleHandler {
  return async ({ userId, localDate }) => {
    const user = await deps.users.getById(userId);
    if (!user?.telegramId) return;
    const t = deps.translate(user.language);
    const figures = await deps.insights.figures(userId, 'week');
    const insight = await deps.writer.write(user, figures, () => templateInsight(t, figures));
    const text = `${t('insights-weekly-title')}\n\n${summaryText(t, user.language, figures)}\n\n${insight.text}`;
    const png = chartPng(figures, chartLabels(t, user.language, figures));
    const quietEnd = quietHoursEnd(
      { start: user.quietHoursStart, end: user.quietHoursEnd, timezone: user.timezone },
      deps.now(),
    );
    await deps.notify(
      {
        chatId: user.telegramId,
        text,
        media: [{ kind: 'photo', data: png.toString('base64'), fileName: 'week.png' }],
        dedupeKey: `${WEEKLY_SCHEDULE}:${userId}:${localDate}`,
      },
      quietEnd ? { startAfter: quietEnd } : {},
    );
  };
}
