// The notes capability's REST calls (src/capabilities/notes/http/notes-routes.ts).
import type { Api } from '../../api.ts';
import type { components, paths } from '../../api-types.ts';

// The shapes are the API document's own (web/src/api-types.ts): a field the server changes fails
// the web typecheck where a page reads it.
/** A topic as the list answers it (with its `note_count`). */
export type Topic =
  paths['/api/v1/notes/topics']['get']['responses'][200]['content']['application/json']['items'][number];
export type Note = components['schemas']['Note'];

export function notesApi(api: Api) {
  return {
    topics: async () => (await api.request<{ items: Topic[] }>('GET', '/notes/topics')).items,
    /** Newest first; `q` uses the server's search (every word's stem must occur). */
    list: async (filter: { topicId: string | null; q: string }) => {
      const query = new URLSearchParams({ limit: '100' });
      if (filter.topicId) query.set('topic_id', filter.topicId);
      if (filter.q) query.set('q', filter.q);
      return (await api.request<{ items: Note[] }>('GET', `/notes?${query}`)).items;
    },
    /** Files a pending note or moves a filed one (the server learns from the correction). */
    move: (id: string, topicId: string) =>
      api.request<Note>('PATCH', `/notes/${encodeURIComponent(id)}`, { topic_id: topicId }),
    remove: (id: string) => api.request<void>('DELETE', `/notes/${encodeURIComponent(id)}`),
    createTopic: (name: string) => api.request<Topic>('POST', '/notes/topics', { name }),
    /** Rename, close (no new notes go there) or reopen a topic. */
    patchTopic: (id: string, patch: { name?: string; closed?: boolean }) =>
      api.request<Topic>('PATCH', `/notes/topics/${encodeURIComponent(id)}`, patch),
  };
}
export type NotesApi = ReturnType<typeof notesApi>;
