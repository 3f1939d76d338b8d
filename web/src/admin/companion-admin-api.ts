// The companion's admin calls (src/capabilities/companion/http/companion-admin-routes.ts).
import type { Api } from '../api.ts';
import type { components } from '../api-types.ts';

export const TONES = ['friendly', 'warm', 'calm', 'formal', 'playful'] as const;
export const TRIGGERS = ['inactivity', 'deadline', 'streak', 'stage'] as const;
export const STAGES = ['newcomer', 'settling-in', 'regular', 'drifting-away'] as const;

// The document's own types (web/src/api-types.ts): a renamed or retyped field fails the typecheck.
type Schemas = components['schemas'];
type SettingsAsServed = Schemas['CompanionSettings'];
type Trigger = (typeof TRIGGERS)[number];
/** The settings as the form edits them: a cooldown per trigger (the API may answer one number for all). */
export type CompanionSettings = Omit<SettingsAsServed, 'limits'> & {
  limits: Omit<SettingsAsServed['limits'], 'cooldown_hours'> & { cooldown_hours: Record<Trigger, number> };
};
const forForm = (s: SettingsAsServed): CompanionSettings => {
  const cooldown = s.limits.cooldown_hours;
  const perTrigger =
    typeof cooldown === 'number'
      ? (Object.fromEntries(TRIGGERS.map((t) => [t, cooldown])) as Record<Trigger, number>)
      : cooldown;
  return { ...s, limits: { ...s.limits, cooldown_hours: perTrigger } };
};
export type Recommendation = Schemas['CompanionRecommendation'];
export type RecommendationInput = Schemas['CompanionRecommendationInput'];
export type EngagementWeek = Schemas['CompanionEngagementWeek'];

/** The server's limits, kept by the form so that a 422 is the exception. */
export const HARD = { perDay: 2, from: '08:00', to: '22:00', cooldown: 168, title: 120, name: 40 } as const;

const BASE = '/admin/companion';
export const companionAdminApi = (api: Api) => ({
  settings: async () => forForm(await api.request<SettingsAsServed>('GET', `${BASE}/settings`)),
  saveSettings: async (s: CompanionSettings) =>
    forForm(await api.request<SettingsAsServed>('PUT', `${BASE}/settings`, s)),
  recommendations: async () =>
    (await api.request<{ items: Recommendation[] }>('GET', `${BASE}/recommendations`)).items,
  addRecommendation: (r: RecommendationInput) =>
    api.request<Recommendation>('POST', `${BASE}/recommendations`, r),
  deleteRecommendation: (id: string) => api.request<void>('DELETE', `${BASE}/recommendations/${id}`),
  engagement: async (weeks: number) =>
    (await api.request<{ weeks: EngagementWeek[] }>('GET', `${BASE}/engagement?weeks=${weeks}`)).weeks,
});
export type CompanionAdminApi = ReturnType<typeof companionAdminApi>;
