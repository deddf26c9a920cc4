import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, Loading, QueryView } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { formatDate } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { useCity } from '../../../lib/city/city';
import { useCityCaseStudies } from '../api/city-case-studies';
import './workspace.css';
import { TableWrap } from '../../../components/ui/table-wrap';
import { useFilterParams } from '../../../lib/routing/filter-params';

const PAGE_SIZE = 20;
const EDITABLE = ['DRAFT', 'CHANGES_REQUESTED'];

function CaseStudies({ cityId }: { cityId: string }) {
  const { t, i18n } = useTranslation('workspace');
  const pick = usePick();
  const { page, setFilter } = useFilterParams();
  const query = useCityCaseStudies(cityId, page, PAGE_SIZE);

  return (
    <section aria-labelledby="workspace-case-studies">
      <h2 id="workspace-case-studies">{t('caseStudies.heading')}</h2>
      <QueryView query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <Empty>{t('caseStudies.none')}</Empty>
          ) : (
            <>
              <p className="muted">{t('caseStudies.count', { count: result.total })}</p>
              <TableWrap label={t('caseStudies.heading')}>
                <table className="table workspace__table">
                  <caption className="visually-hidden">{t('caseStudies.heading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('caseStudies.title')}</th>
                      <th scope="col">{t('caseStudies.status')}</th>
                      <th scope="col">{t('caseStudies.updated')}</th>
                      <th scope="col">{t('caseStudies.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((study) => {
                      const title = pick(study.title).text || study.id;
                      return (
                        <tr key={study.id}>
                          <td>
                            <Link to={`/case-studies/${encodeURIComponent(study.id)}`}>
                              <Localized text={study.title} />
                            </Link>
                          </td>
                          <td data-label={t('caseStudies.status')}>
                            <span className={`workspace__status workspace__status--${study.status}`}>
                              {t(`statuses.${study.status}`)}
                            </span>
                          </td>
                          <td data-label={t('caseStudies.updated')}>{formatDate(study.updatedAt, i18n.language)}</td>
                          <td>
                            {EDITABLE.includes(study.status) ? (
                              <Link
                                className="button button--secondary"
                                to={`/case-studies/${encodeURIComponent(study.id)}/edit`}
                                aria-label={t('caseStudies.editLabel', { title })}
                              >
                                {t('caseStudies.edit')}
                              </Link>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
              <Pagination
                page={page}
                size={PAGE_SIZE}
                total={result.total}
                onPage={(next) =>
                  setFilter('page', String(next))
                }
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

export function MyCityPage() {
  const { t } = useTranslation('workspace');
  const pick = usePick();
  const session = useSession();
  const cityId = session.cityId;
  const city = useCity(cityId);
  const name = city.data ? pick(city.data.name).text || city.data.id : undefined;
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;

  if (session.isLoading) return <Loading />;
  if (!cityId) {
    return (
      <>
        <PageHeader title={t('title')} />
        <Empty>{t('noCity')}</Empty>
      </>
    );
  }
  const encoded = encodeURIComponent(cityId);
  return (
    <>
      <PageHeader title={name ? t('titleCity', { city: name }) : t('title')}>
        <p>{t('intro')}</p>
      </PageHeader>
      {city.isError && <ErrorMessage error={city.error} onRetry={() => void city.refetch()} />}
      {saved && (
        <p className="status status--ok" role="status">
          {t('saved')}
        </p>
      )}
      <section aria-labelledby="workspace-links">
        <h2 id="workspace-links" className="visually-hidden">
          {t('links.heading')}
        </h2>
        <ul className="grid grid--3 workspace__links">
          <li className="card">
            <Link to={`/cities/${encoded}/assessment`}>{t('links.assessment')}</Link>
            <span className="field__hint">{t('links.assessmentHint')}</span>
          </li>
          <li className="card">
            <Link to="/case-studies/new">{t('links.newCaseStudy')}</Link>
            <span className="field__hint">{t('links.newCaseStudyHint')}</span>
          </li>
          <li className="card">
            <Link to={`/cities/${encoded}`}>{t('links.profile')}</Link>
            <span className="field__hint">{t('links.profileHint')}</span>
          </li>
          <li className="card">
            <Link to={`/cities/${encoded}/edit`}>{t('links.editProfile')}</Link>
            <span className="field__hint">{t('links.editProfileHint')}</span>
          </li>
          <li className="card">
            <Link to={`/cities/${encoded}/progress`}>{t('links.progress')}</Link>
            <span className="field__hint">{t('links.progressHint')}</span>
          </li>
          <li className="card">
            <Link to={`/cities/${encoded}/exchanges`}>{t('links.exchanges')}</Link>
            <span className="field__hint">{t('links.exchangesHint')}</span>
          </li>
        </ul>
      </section>
      <CaseStudies cityId={cityId} />
    </>
  );
}
