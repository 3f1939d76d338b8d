// From the form to the server and back: what is sent, and which field a 400 problem names.
import type { ProfileEdit } from './profile-api.ts';

export type ProfileField = keyof ProfileEdit;
const FIELDS: readonly ProfileField[] = ['summary', 'interests', 'goals', 'preferred_times'];

/** The edit as the server wants it: text trimmed, empty list lines dropped, repeats kept once. */
export function cleanEdit(form: ProfileEdit): ProfileEdit {
  const list = (items: readonly string[]) => [
    ...new Set(items.map((item) => item.trim()).filter((item) => item.length > 0)),
  ];
  return {
    summary: form.summary.trim(),
    interests: list(form.interests),
    goals: list(form.goals),
    preferred_times: form.preferred_times.trim(),
  };
}

/**
 * The fields a validation problem's detail names ("interests.2: Too big…; summary: …" — the
 * server's validation hook joins `path: message` with "; "). Unknown paths are left out; an empty
 * answer means the problem is not about one field.
 */
export function fieldsInProblem(detail: string): ProfileField[] {
  const named = detail
    .split('; ')
    .map((part) => part.split(':')[0]?.split('.')[0]?.trim() ?? '')
    .filter((name): name is ProfileField => (FIELDS as readonly string[]).includes(name));
  return FIELDS.filter((field) => named.includes(field));
}
