import { z } from '@hono/zod-openapi';
import { Composer } from 'grammy';
import type { BotContext } from '../../bot/bot-context.ts';
import { createI18n } from '../../bot/i18n.ts';
import type { CapabilityModule } from '../capability.ts';
import { createFeedCommands } from './bot/feed-feature.ts';
import { createStatsFeature } from './bot/stats-feature.ts';
import { calendarItems } from './calendar/calendar-items.ts';
import { createCalendarService } from './calendar/calendar-service.ts';
import { createExportService } from './export/export-service.ts';
import { createCalendarRoutes, createExportRoutes, createFeedRoutes } from './http/feed-routes.ts';
import { createStatsRoutes } from './http/stats-routes.ts';
import { createInsightsService, type InsightsService } from './insights-service.ts';
import { chartLabels, INSIGHTS_LOCALES_DIR } from './insights-texts.ts';
import { createInsightWriter } from './model-insight.ts';
import { insightsNeeds } from './sources.ts';
import { weeklyReportHandler } from './weekly-report.ts';
import { createWeeklySettings, WEEKLY_SCHEDULE } from './weekly-settings.ts';

export type { Figures } from './insight-types.ts';
export type { InsightsService } from './insights-service.ts';

/**
 * Insights: figures per period, a PNG chart, /stats and a weekly report — computed over read-only
 * views of tasks, courses and reminders (migration 0018) — plus the private calendar feed and the
 * data export, which read the other capabilities through their services (each optional).
 */
export const insightsModule: CapabilityModule<typeof insightsNeeds, InsightsService> = {
  name: 'insights',
  provides: 'insights',
  requires: insightsNeeds,
  schedules: [{ name: WEEKLY_SCHEDULE }],
  create(deps, sources) {
    const service = createInsightsService({ db: deps.db, users: deps.users, now: deps.now });
    const i18n = createI18n([INSIGHTS_LOCALES_DIR]);
    const translate = (language: string) => (key: string, vars?: Record<string, string | number>) =>
      i18n.t(language, key, vars);
    const stats = createStatsFeature(service);
    const weekly = createWeeklySettings({ db: deps.db, schedules: deps.schedules, now: deps.now });
    const calendar = createCalendarService({ ...deps, sources, translate });
    const exporter = createExportService({ ...deps, sources });
    const feed = createFeedCommands({ calendar, exporter, now: deps.now });
    const composer = new Composer<BotContext>();
    composer.use(stats.feature.composer, feed.composer);
    return {
      service,
      settingsExtras: [
        {
          field: 'calendar_feed',
          readOnly: true,
          description: 'Your private calendar (.ics) address; POST /api/v1/calendar/reset gives a new one',
          schema: z.url(),
          get: (userId) => calendar.url(userId),
        },
      ],
      routes: [
        {
          path: '/stats',
          app: createStatsRoutes(service, (language, figures) =>
            chartLabels(translate(language), language, figures),
          ),
          access: 'user',
        },
        {
          path: '/calendar',
          app: createCalendarRoutes(calendar, (user, from, to) => calendarItems(sources, user, from, to)),
          access: 'user',
        },
        { path: '/calendar', app: createFeedRoutes(calendar), access: 'public' },
        { path: '/export', app: createExportRoutes(exporter, deps.now), access: 'user' },
      ],
      bot: {
        ...stats.feature,
        composer,
        callbacks: [...(stats.feature.callbacks ?? []), ...feed.callbacks],
        commands: [...(stats.feature.commands ?? []), ...feed.commands],
      },
      help: [
        { command: 'stats', descriptionKey: 'insights-cmd-stats' },
        { command: 'calendar', descriptionKey: 'insights-cmd-calendar' },
        { command: 'export', descriptionKey: 'insights-cmd-export' },
      ],
      // The page's component: web/src/capabilities/insights/.
      miniApp: { pages: [{ id: 'stats', order: 20 }] },
      menu: [{ id: 'stats', labelKey: 'insights-menu-stats', open: stats.show }],
      settings: weekly.settings,
      offers: [weekly.offer],
      schedules: {
        [WEEKLY_SCHEDULE]: weeklyReportHandler({
          insights: service,
          writer: createInsightWriter({ ai: deps.ai, logger: deps.logger }),
          users: deps.users,
          notify: deps.notify,
          translate,
          now: deps.now,
        }),
      },
    };
  },
};
