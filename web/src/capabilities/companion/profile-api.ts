// The companion capability's profile calls (src/capabilities/companion/http/profile-routes.ts).
import type { Api } from '../../api.ts';
import type { components } from '../../api-types.ts';

// The shapes are the API document's own (web/src/api-types.ts): a field the server changes fails
// the web typecheck where a page reads it.
export type Profile = components['schemas']['CompanionProfile'];
/** The form sends every field (the API also takes a part of them). */
export type ProfileEdit = Required<components['schemas']['CompanionProfileEdit']>;

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
