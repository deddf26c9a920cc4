import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.pageNotFound')} />
      <p>{t('errors.pageNotFoundHelp')}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </>
  );
}
