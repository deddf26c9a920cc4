import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { Empty, ErrorMessage, Loading, QueryView } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { useCity } from '../../../lib/city/city';
import { usePick } from '../../../lib/i18n/localized';
import { ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import { useAssessmentHistory } from '../api/assessment-history';
import { BenchmarkSection } from './BenchmarkSection';
import { HistoryChart } from './HistoryChart';
import './citydesk.css';

/** A city's progress over its validated rounds and its benchmark: for its editors, experts, curators and admins. */
export function CityProgressPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('citydesk');
  const pick = usePick();
  const session = useSession();
  const city = useCity(id);
  const reference = useReference();
  const history = useAssessmentHistory(id, city.data ? Boolean(city.data.assessedAt) : undefined);
  const name = city.data ? pick(city.data.name).text || city.data.id : id;
  const mayRead = session.isCurator || session.hasRole('expert') || session.cityId === id;

  if (session.isLoading) return <Loading />;
  if (!mayRead) {
    return (
      <>
        <PageHeader title={t('progress.title', { city: name })} />
        <p className="status status--error" role="alert">
          {t('progress.forbidden')}
        </p>
      </>
    );
  }
  const characteristics = reference.data ? ratedCharacteristics(reference.data) : [];
  return (
    <>
      <PageHeader title={t('progress.title', { city: name })}>
        <p>{t('progress.intro')}</p>
      </PageHeader>
      {city.isError && <ErrorMessage error={city.error} onRetry={() => void city.refetch()} />}
      <section aria-labelledby="citydesk-history" className="citydesk__section">
        <h2 id="citydesk-history">{t('history.heading')}</h2>
        <QueryView query={history}>
          {(rounds) =>
            rounds.length === 0 ? (
              <Empty>
                {t('history.none')}{' '}
                {session.cityId === id && <Link to={`/cities/${encodeURIComponent(id)}/assessment`}>{t('history.start')}</Link>}
              </Empty>
            ) : (
              <HistoryChart rounds={rounds} characteristics={characteristics} reference={reference.data} />
            )
          }
        </QueryView>
      </section>
      <BenchmarkSection cityId={id} reference={reference.data} />
    </>
  );
}
