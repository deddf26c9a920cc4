import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page';
import { CityRemovalPanel } from './CityRemovalPanel';
import { ReindexPanel } from './ReindexPanel';
import './curate.css';

/** The admins' tools: rebuild the search indexes; retire, restore or delete cities. */
export function AdminPage() {
  const { t } = useTranslation('curate');
  return (
    <>
      <PageHeader title={t('admin.title')}>
        <p>{t('admin.intro')}</p>
      </PageHeader>
      <div className="stack">
        <ReindexPanel />
        <CityRemovalPanel />
      </div>
    </>
  );
}
