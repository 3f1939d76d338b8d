import { createI18n } from '../../bot/i18n.ts';
import type { CapabilityModule } from '../capability.ts';
import { createStatsFeature } from './bot/stats-feature.ts';
import { createStatsRoutes } from './http/stats-routes.ts';
import { createInsightsService, type InsightsService } from './insights-service.ts';
import { chartLabels, INSIGHTS_LOCALES_DIR } from './insights-texts.ts';
import { WEEKLY_SCHEDULE, WEEKLY_SETTING, weeklyReportHandler, weeklySettingStore } from './weekly-report.ts';

export type { Figures } from './insight-types.ts';
export type { InsightsService } from './insights-service.ts';

/**
 * Insights: figures per period, a PNG chart, /stats and a weekly report. It reads tasks, courses
 * and reminders only through their read-only views (migration 0018), so it needs no service.
 */
export const insightsModule: CapabilityModule<Record<string, never>, InsightsService> = {
  name: 'insights',
  provides: 'insights',
  schedules: [{ name: WEEKLY_SCHEDULE }],
  create(deps) {
    const service = createInsightsService({ db: deps.db, users: deps.users, now: deps.now });
    const i18n = createI18n([INSIGHTS_LOCALES_DIR]);
    const translate = (language: string) => (key: string, vars?: Record<string, string | number>) =>
      i18n.t(language, key, vars);
    const stats = createStatsFeature(service);
    return {
      service,
      routes: [
        {
          path: '/stats',
          app: createStatsRoutes(service, (language, figures) =>
            chartLabels(translate(language), language, figures),
          ),
          access: 'user',
        },
      ],
      bot: stats.feature,
      help: [{ command: 'stats', descriptionKey: 'insights-cmd-stats' }],
      menu: [{ id: 'stats', labelKey: 'insights-menu-stats', open: stats.show }],
      settings: [
        {
          key: WEEKLY_SETTING,
          labelKey: 'insights-setting-weekly',
          kind: 'toggle',
          default: false,
          store: weeklySettingStore(deps.schedules),
        },
      ],
      schedules: {
        [WEEKLY_SCHEDULE]: weeklyReportHandler({
          insights: service,
          users: deps.users,
          notify: deps.notify,
          translate,
        }),
      },
    };
  },
};
