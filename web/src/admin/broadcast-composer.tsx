import { type FormEvent, useState } from 'react';
import type { Broadcast } from '../api.ts';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { type BroadcastWord, broadcastWords } from './broadcast-words.ts';

const SEGMENTS: Record<string, { word: BroadcastWord; segment: Record<string, unknown> }> = {
  all: { word: 'all', segment: { kind: 'all' } },
  active: { word: 'active', segment: { kind: 'active', days: 7 } },
  ru: { word: 'ru', segment: { kind: 'language', language: 'ru' } },
  en: { word: 'en', segment: { kind: 'language', language: 'en' } },
  admins: { word: 'admins', segment: { kind: 'role', role: 'admin' } },
};

/**
 * Compose → preview (the text as recipients will read it and how many they are, counted by the
 * server as a draft) → send or discard; what the bot's /broadcast does, in the Mini App.
 */
export function BroadcastComposer({ onChange }: { onChange: () => Promise<void> }) {
  const { api, t, language, notify } = useSession();
  const w = broadcastWords(language);
  const [text, setText] = useState('');
  const [segment, setSegment] = useState('all');
  const [draft, setDraft] = useState<Broadcast | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      notify(failure(e, t));
    } finally {
      setBusy(false);
      await onChange();
    }
  };
  const preview = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = { text: text.trim(), segment: SEGMENTS[segment]?.segment, draft: true };
      setDraft(await api.request<Broadcast>('POST', '/admin/broadcasts', body));
    });
  };
  const finish = (action: 'start' | 'cancel') =>
    run(async () => {
      if (!draft) return;
      await api.request<Broadcast>('POST', `/admin/broadcasts/${draft.id}/${action}`);
      notify(action === 'start' ? w('started', { n: draft.total }) : w('discarded'));
      setDraft(null);
      if (action === 'start') setText('');
    });

  if (draft)
    return (
      <section className="confirm" data-broadcast-preview={draft.id}>
        <p className="broadcast-text">{draft.text}</p>
        <p data-recipients={draft.total}>{draft.total ? w('recipients', { n: draft.total }) : w('nobody')}</p>
        <div className="row-actions">
          <button
            type="button"
            className="button"
            disabled={busy || !draft.total}
            onClick={() => finish('start')}
          >
            {w('start')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => finish('cancel')}>
            {w('discard')}
          </button>
        </div>
      </section>
    );
  return (
    <form className="profile-form" onSubmit={preview} data-form="broadcast">
      <h2>{w('compose')}</h2>
      <label className="field">
        <span className="field-label">{w('text')}</span>
        <textarea
          name="text"
          rows={4}
          maxLength={4096}
          placeholder={w('textHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{w('segment')}</span>
        <select name="segment" value={segment} onChange={(e) => setSegment(e.target.value)}>
          {Object.entries(SEGMENTS).map(([key, s]) => (
            <option key={key} value={key}>
              {w(s.word)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={busy || !text.trim()}>
        {w('preview')}
      </button>
    </form>
  );
}
