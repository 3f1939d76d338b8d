import { useCallback } from 'react';
import type { AdminUser } from '../api.ts';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { haptic } from '../telegram.ts';
import { useLoad } from '../use-load.ts';

/** Users with their roles; a role button grants or revokes it (the server audits and checks it). */
export function UsersPage() {
  const { api, t, notify } = useSession();
  const load = useCallback(async () => {
    const [users, roles] = await Promise.all([api.admin.users(), api.admin.roles()]);
    return { users, roles: roles.filter((r) => r.name !== 'user') };
  }, [api]);
  const { data, error, reload } = useLoad(load);

  const toggle = async (u: AdminUser, role: string) => {
    const roles = u.roles.includes(role) ? u.roles.filter((r) => r !== role) : [...u.roles, role];
    try {
      const changed = await api.admin.setRoles(u.id, roles);
      haptic('success');
      notify(t('rolesSaved', { name: u.first_name, roles: changed.roles.join(', ') }));
    } catch (e) {
      haptic('error');
      notify(failure(e, t));
    }
    await reload();
  };

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  return (
    <ul className="list" data-list="users">
      {data.users.map((u) => (
        <li className="row" key={u.id} data-user-id={u.id}>
          <div className="row-main">
            <span className="row-title">
              {u.first_name}
              {u.username ? ` @${u.username}` : ''}
            </span>
            <span className="row-sub">{u.telegram_id ?? ''}</span>
          </div>
          <div className="row-actions">
            {data.roles.map((role) => (
              <button
                key={role.name}
                type="button"
                title={role.description}
                aria-pressed={u.roles.includes(role.name)}
                className={`button small ${u.roles.includes(role.name) ? '' : 'secondary'}`}
                onClick={() => toggle(u, role.name)}
              >
                {role.name}
              </button>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
