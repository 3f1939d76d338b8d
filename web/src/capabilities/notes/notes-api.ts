// The notes capability's REST calls (src/capabilities/notes/http/notes-routes.ts).
import type { Api } from '../../api.ts';

export interface Topic {
  id: string;
  name: string;
  emoji: string | null;
  is_inbox: boolean;
  /** A closed topic takes no new notes (its notes stay). */
  closed: boolean;
  note_count: number;
}

export interface Note {
  id: string;
  status: 'filed' | 'pending';
  topic_id: string | null;
  text: string;
  transcript: string | null;
  link: { url: string; title: string | null } | null;
  created_at: string;
}

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
