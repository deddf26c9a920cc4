import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { useSession } from '../../../lib/auth/session';

/**
 * No case study at this address for this user: it does not exist, or it is not published and the
 * user may not see it yet. Says so in a heading (and the document title), with the API's detail.
 */
export function CaseStudyNotFound({ detail }: { detail: string | undefined }) {
  const { t } = useTranslation('case-studies');
  const session = useSession();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.help')}</p>
      {detail && <p className="muted small">{detail}</p>}
      {!session.isAuthenticated && (
        <p>
          {t('notFound.signIn')}{' '}
          <button type="button" className="button" onClick={() => void session.signIn()}>
            {t('common:auth.signIn')}
          </button>
        </p>
      )}
      <p>
        <Link to="/">{t('notFound.search')}</Link>
      </p>
    </>
  );
}
