import { useCallback } from 'react';
import type { AuditEntry } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen, type Translate } from '../i18n.ts';
import { useLoad } from '../use-load.ts';

/** The latest audit entries: who did what to which subject, newest first. */
export function AuditPage() {
  const { api, t, language, user } = useSession();
  const load = useCallback(async () => {
    const [entries, users] = await Promise.all([api.admin.audit(), api.admin.users()]);
    return { entries, names: new Map(users.map((u) => [u.id, u.first_name])) };
  }, [api]);
  const { data, error } = useLoad(load);

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  if (data.entries.length === 0) return <p className="hint">{t('noAudit')}</p>;
  return (
    <ul className="list" data-list="audit">
      {data.entries.map((e) => (
        <li className="row" key={e.id}>
          <div className="row-main">
            <span className="row-title">
              {e.action} <span className="row-sub">{subject(e, data.names)}</span>
            </span>
            <span className="row-sub">
              {formatWhen(e.at, language, user.timezone)} · {actor(e, data.names, t)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function actor(e: AuditEntry, names: Map<string, string>, t: Translate): string {
  if (e.actor_kind === 'cli') return t('byCli');
  if (e.actor_kind === 'system' || !e.actor_user_id) return t('bySystem');
  return t('byUser', { name: names.get(e.actor_user_id) ?? e.actor_user_id.slice(0, 8) });
}

function subject(e: AuditEntry, names: Map<string, string>): string {
  const details = Object.entries(e.details)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const who = e.subject_type === 'user' && e.subject_id ? names.get(e.subject_id) : null;
  return [who, details].filter(Boolean).join(' · ');
}
