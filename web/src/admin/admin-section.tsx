import { useSession } from '../context.ts';
import type { AdminPage } from '../router.ts';
import { ADMIN_PAGES } from '../router.ts';
import { AuditPage } from './audit-page.tsx';
import { BroadcastsPage } from './broadcasts-page.tsx';
import { CompanionPage } from './companion-page.tsx';
import { NotificationsPage } from './notifications-page.tsx';
import { QueuesPage } from './queues-page.tsx';
import { UsersPage } from './users-page.tsx';

const VIEWS: Record<AdminPage, () => React.JSX.Element> = {
  queues: QueuesPage,
  users: UsersPage,
  audit: AuditPage,
  broadcasts: BroadcastsPage,
  notifications: NotificationsPage,
  companion: CompanionPage,
};

/** The admin pages (loaded on demand: people who are not admins never download them). */
export default function AdminSection(props: { page: AdminPage; go: (page: AdminPage) => void }) {
  const { t } = useSession();
  const View = VIEWS[props.page];
  return (
    <>
      <fieldset className="segmented admin-nav" aria-label={t('admin')}>
        {ADMIN_PAGES.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={name === props.page}
            className={name === props.page ? 'active' : ''}
            onClick={() => props.go(name)}
          >
            {t(name)}
          </button>
        ))}
      </fieldset>
      <View />
    </>
  );
}
