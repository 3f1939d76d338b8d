// The companion's admin calls (src/capabilities/companion/http/companion-admin-routes.ts).
import type { Api } from '../api.ts';

export const TONES = ['friendly', 'warm', 'calm', 'formal', 'playful'] as const;
export const TRIGGERS = ['inactivity', 'deadline', 'streak', 'stage'] as const;
export const STAGES = ['newcomer', 'settling-in', 'regular', 'drifting-away'] as const;

export interface CompanionSettings {
  persona: { name: string; tone: (typeof TONES)[number] };
  limits: {
    per_day: number;
    window_start: string;
    window_end: string;
    cooldown_hours: Record<(typeof TRIGGERS)[number], number>;
  };
}

export interface Recommendation {
  id: string;
  title: string;
  url: string;
  stages: string[];
}

export interface EngagementWeek {
  week_start: string;
  check_ins_sent: number;
  check_ins_answered: number;
  opt_outs: number;
  by_stage: Record<string, number>;
}

/** The server's limits, kept by the form so that a 422 is the exception. */
export const HARD = { perDay: 2, from: '08:00', to: '22:00', cooldown: 168, title: 120, name: 40 } as const;

const BASE = '/admin/companion';
export const companionAdminApi = (api: Api) => ({
  settings: () => api.request<CompanionSettings>('GET', `${BASE}/settings`),
  saveSettings: (s: CompanionSettings) => api.request<CompanionSettings>('PUT', `${BASE}/settings`, s),
  recommendations: async () =>
    (await api.request<{ items: Recommendation[] }>('GET', `${BASE}/recommendations`)).items,
  addRecommendation: (r: Omit<Recommendation, 'id'>) =>
    api.request<Recommendation>('POST', `${BASE}/recommendations`, r),
  deleteRecommendation: (id: string) => api.request<void>('DELETE', `${BASE}/recommendations/${id}`),
  engagement: async (weeks: number) =>
    (await api.request<{ weeks: EngagementWeek[] }>('GET', `${BASE}/engagement?weeks=${weeks}`)).weeks,
});
export type CompanionAdminApi = ReturnType<typeof companionAdminApi>;
