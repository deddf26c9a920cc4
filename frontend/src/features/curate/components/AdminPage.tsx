import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page';
import { useSession } from '../../../lib/auth/session';
import { CityRemovalPanel } from './CityRemovalPanel';
import { ReindexPanel } from './ReindexPanel';
import './curate.css';

/** Curators rebuild the search indexes; admins also retire, restore or delete cities. */
export function AdminPage() {
  const { t } = useTranslation('curate');
  const session = useSession();
  const admin = session.hasRole('admin');
  return (
    <>
      <PageHeader title={t('admin.title')}>
        <p>{t(admin ? 'admin.intro' : 'admin.introCurator')}</p>
      </PageHeader>
      <div className="stack">
        <ReindexPanel />
        {admin && <CityRemovalPanel />}
      </div>
    </>
  );
}
