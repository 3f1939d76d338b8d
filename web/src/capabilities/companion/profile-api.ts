// The companion capability's profile calls (src/capabilities/companion/http/profile-routes.ts).
import type { Api } from '../../api.ts';

export interface Profile {
  summary: string;
  interests: string[];
  goals: string[];
  preferred_times: string;
  /** The journey stage id (journey-stages.json): the system's reading, not editable. */
  stage: string;
  /** How far along the stage, 0–100 (the model's reading, or the share of active days). */
  progress: number;
  /** Why: the model's words about you, or the rules' without a model ('' before the first refresh). */
  progress_reason: string;
  edited_by_user: boolean;
  refreshed_at: string | null;
}

export type ProfileEdit = Pick<Profile, 'summary' | 'interests' | 'goals' | 'preferred_times'>;

/** The server's limits (editSchema); the form keeps to them so a 400 is the exception. */
export const LIMITS = {
  summary: 1000,
  preferred_times: 120,
  interests: { items: 8, length: 60 },
  goals: { items: 5, length: 120 },
} as const;

export const profileApi = (api: Api) => ({
  get: () => api.request<Profile>('GET', '/companion/profile'),
  edit: (edit: ProfileEdit) => api.request<Profile>('PUT', '/companion/profile', edit),
  erase: () => api.request<void>('DELETE', '/companion/profile'),
});
export type ProfileApi = ReturnType<typeof profileApi>;
