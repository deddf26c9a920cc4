import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { PageHeader } from '../../../components/ui/page';
import { TableWrap } from '../../../components/ui/table-wrap';
import { Empty, ErrorMessage, Loading, QueryView } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { characteristicName, formatDate, formatList, formatNumber, humanize, termName } from '../../../lib/format/names';
import { Localized, pick } from '../../../lib/i18n/localized';
import { useUnits } from '../../../lib/format/units';
import { useReference } from '../../../lib/reference/reference';
import { useCity } from '../../../lib/city/city';
import { type CaseStudy, useCaseStudy, useSimilarCaseStudies } from '../api/case-study';
import { CaseStudyNotFound } from './CaseStudyNotFound';
import './case-study.css';
import { ServiceDomainChips } from '../../../components/ui/service-domains';

function Facts({ study }: { study: CaseStudy }) {
  const { t, i18n } = useTranslation('case-studies');
  const reference = useReference().data;
  const language = i18n.language;
  const city = useCity(study.cityId);
  return (
    <dl className="facts">
      <dt>{t('fields.city')}</dt>
      <dd>
        <Link to={`/cities/${encodeURIComponent(study.cityId)}`}>
          {city.data ? <Localized text={city.data.name} /> : study.cityId}
        </Link>
      </dd>
      <dt>{t('fields.stage')}</dt>
      <dd>{t(`stages.${study.stage}`, { defaultValue: humanize(study.stage) })}</dd>
      {(study.startDate || study.endDate) && (
        <>
          <dt>{t('fields.period')}</dt>
          <dd>
            {formatDate(study.startDate, language)} – {study.endDate ? formatDate(study.endDate, language) : t('fields.ongoing')}
          </dd>
        </>
      )}
      <dt>{t('fields.domains')}</dt>
      <dd>
        <ServiceDomainChips codes={study.serviceDomains} />
      </dd>
      {study.technologies.length > 0 && (
        <>
          <dt>{t('fields.technologies')}</dt>
          <dd>{formatList(study.technologies.map((code) => termName(reference, 'technologyTags', code, language)), language)}</dd>
        </>
      )}
      {study.businessModel && (
        <>
          <dt>{t('fields.businessModel')}</dt>
          <dd>{termName(reference, 'businessModels', study.businessModel, language)}</dd>
        </>
      )}
      {study.targetGroups.length > 0 && (
        <>
          <dt>{t('fields.targetGroups')}</dt>
          <dd>
            {formatList(
              study.targetGroups.map((code) => t(`targetGroups.${code}`, { defaultValue: humanize(code) })),
              language,
            )}
          </dd>
        </>
      )}
      <dt>{t('fields.licence')}</dt>
      <dd>{study.licence}</dd>
      {study.lastVerified && (
        <>
          <dt>{t('fields.lastVerified')}</dt>
          <dd>
            {formatDate(study.lastVerified, language)}
            {study.dueForReverification && <span className="chip chip--warn"> {t('fields.dueForReverification')}</span>}
          </dd>
        </>
      )}
    </dl>
  );
}

function Steps({ study }: { study: CaseStudy }) {
  const { t, i18n } = useTranslation('case-studies');
  const reference = useReference().data;
  return (
    <ul className="list-plain step-list">
      {study.steps.map((step) => (
        <li key={step.characteristic} className="step-list__item">
          <strong>{characteristicName(reference, step.characteristic, i18n.language)}</strong>
          <span className="step-list__levels">
            <LevelBadge level={step.fromLevel} /> <span aria-label={t('steps.to')}>→</span> <LevelBadge level={step.toLevel} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function Funding({ study }: { study: CaseStudy }) {
  const { t, i18n } = useTranslation('case-studies');
  const reference = useReference().data;
  const funding = study.funding;
  if (!funding) return <Empty>{t('funding.none')}</Empty>;
  return (
    <dl className="facts">
      {funding.amount !== undefined && (
        <>
          <dt>{t('funding.amount')}</dt>
          <dd>
            {funding.currency
              ? formatNumber(funding.amount, i18n.language, { style: 'currency', currency: funding.currency, maximumFractionDigits: 0 })
              : formatNumber(funding.amount, i18n.language)}
          </dd>
        </>
      )}
      {funding.publicSharePercent !== undefined && (
        <>
          <dt>{t('funding.publicShare')}</dt>
          <dd>{formatNumber(funding.publicSharePercent / 100, i18n.language, { style: 'percent' })}</dd>
        </>
      )}
      <dt>{t('funding.instruments')}</dt>
      <dd>
        {formatList(
          funding.instruments.map((code) => termName(reference, 'financingInstruments', code, i18n.language)),
          i18n.language,
        ) || '—'}
      </dd>
    </dl>
  );
}

function Metrics({ study }: { study: CaseStudy }) {
  const { t, i18n } = useTranslation('case-studies');
  const units = useUnits();
  if (!study.benefits.length) return <Empty>{t('metrics.none')}</Empty>;
  return (
    <TableWrap label={t('metrics.heading')}>
      <table className="table">
        <caption className="visually-hidden">{t('metrics.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metrics.indicator')}</th>
            <th scope="col" className="num">{t('metrics.baseline')}</th>
            <th scope="col" className="num">{t('metrics.result')}</th>
            <th scope="col">{t('metrics.unit')}</th>
            <th scope="col" className="num">{t('metrics.year')}</th>
          </tr>
        </thead>
        <tbody>
          {study.benefits.map((benefit, index) => (
            <tr key={index}>
              <td>
                <Localized text={benefit.description} />
              </td>
              <td className="num">{benefit.baseline === undefined ? '—' : formatNumber(benefit.baseline, i18n.language)}</td>
              <td className="num">{formatNumber(benefit.result, i18n.language)}</td>
              <td>{units.unit(benefit.unit)}</td>
              <td className="num">{benefit.year}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Similar({ id }: { id: string }) {
  const { t } = useTranslation('case-studies');
  const similar = useSimilarCaseStudies(id);
  if (similar.isPending) return <Loading />;
  if (similar.isError) return <ErrorMessage error={similar.error} onRetry={() => void similar.refetch()} />;
  if (!similar.data.length) return <Empty>{t('similar.none')}</Empty>;
  return (
    <ul className="list-plain similar">
      {similar.data.map((hit) => (
        <li key={hit.id}>
          <Link to={`/case-studies/${encodeURIComponent(hit.id)}`}>
            <Localized text={hit.title} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

function OwnerActions({ study }: { study: CaseStudy }) {
  const { t } = useTranslation('case-studies');
  const session = useSession();
  const editable = study.status === 'DRAFT' || study.status === 'CHANGES_REQUESTED';
  const mayEdit = session.isCurator || (session.hasRole('city-editor') && session.cityId === study.cityId);
  if (!editable || !mayEdit) return null;
  return (
    <p>
      <Link className="button button--secondary" to={`/case-studies/${encodeURIComponent(study.id)}/edit`}>
        {t('actions.edit')}
      </Link>
    </p>
  );
}

/**
 * Another city's editors ask the city of a published case study for an exchange about it (the
 * exchanges feature's form, started from this case study and its first step's characteristic).
 */
function AskForExchange({ study }: { study: CaseStudy }) {
  const { t } = useTranslation('case-studies');
  const session = useSession();
  const own = session.cityId;
  if (study.status !== 'PUBLISHED' || !session.hasRole('city-editor') || !own || own === study.cityId) return null;
  const params = new URLSearchParams({ peer: study.cityId, origin: 'CASE_STUDY', originId: study.id, caseStudy: study.id });
  const characteristic = study.steps[0]?.characteristic;
  if (characteristic) params.set('characteristic', characteristic);
  return (
    <p>
      <Link className="button button--secondary" to={`/exchanges/new?${params.toString()}`}>
        {t('actions.askForExchange')}
      </Link>
    </p>
  );
}

/** The contact is shown to signed-in readers only; the API tells anonymous ones whether there is one. */
function Contact({ study }: { study: CaseStudy }) {
  const { t } = useTranslation('case-studies');
  const session = useSession();
  if (study.contact) {
    return (
      <p>
        {study.contact.name}
        {study.contact.email && (
          <>
            <br />
            <a href={`mailto:${study.contact.email}`}>{study.contact.email}</a>
          </>
        )}
      </p>
    );
  }
  if (study.contactAvailable && !session.isAuthenticated) {
    return (
      <>
        <p className="muted">{t('contact.signInToSee')}</p>
        <p>
          <button type="button" className="button button--secondary" onClick={() => void session.signIn()}>
            {t('common:auth.signIn')}
          </button>
        </p>
      </>
    );
  }
  return <p className="muted">{t('contact.none')}</p>;
}

function CaseStudyView({ study }: { study: CaseStudy }) {
  const { t, i18n } = useTranslation('case-studies');
  const title = pick(study.title, i18n.language);
  const body = pick(study.body, i18n.language);
  const lessons = pick(study.lessonsLearned, i18n.language);
  const inclusion = pick(study.inclusionMeasures, i18n.language);
  return (
    <article className="case-study">
      <PageHeader title={title.text || study.id} content={title}>
        <p className="case-study__badges">
          {study.status !== 'PUBLISHED' && <span className="chip">{t(`statuses.${study.status}`)}</span>}
          {study.bestPractice && <span className="chip chip--best">{t('bestPractice')}</span>}
          {study.awards.map((award) => (
            <span key={award} className="chip">
              {award}
            </span>
          ))}
        </p>
      </PageHeader>
      <OwnerActions study={study} />
      <AskForExchange study={study} />
      <div className="case-study__layout">
        <div className="case-study__main">
          <Localized as="p" text={study.summary} />
          {body.text && (
            <section aria-labelledby="cs-story">
              <h2 id="cs-story">{t('sections.story')}</h2>
              {/* body HTML is sanitised by the backend (jsoup allow-list) when saved */}
              <div className="case-study__body" lang={body.lang === 'zh' ? 'zh-CN' : 'en'} dangerouslySetInnerHTML={{ __html: body.text }} />
              {body.fallback && <p className="fallback-note">{t('onlyInOther')}</p>}
            </section>
          )}
          <section aria-labelledby="cs-steps">
            <h2 id="cs-steps">{t('sections.steps')}</h2>
            <Steps study={study} />
          </section>
          <section aria-labelledby="cs-metrics">
            <h2 id="cs-metrics">{t('metrics.heading')}</h2>
            <Metrics study={study} />
          </section>
          {lessons.text && (
            <section aria-labelledby="cs-lessons">
              <h2 id="cs-lessons">{t('sections.lessons')}</h2>
              <Localized as="p" text={study.lessonsLearned} />
            </section>
          )}
          {inclusion.text && (
            <section aria-labelledby="cs-inclusion">
              <h2 id="cs-inclusion">{t('sections.inclusion')}</h2>
              <Localized as="p" text={study.inclusionMeasures} />
            </section>
          )}
        </div>
        <aside className="case-study__side">
          <section className="card" aria-labelledby="cs-facts">
            <h2 id="cs-facts">{t('sections.facts')}</h2>
            <Facts study={study} />
          </section>
          <section className="card" aria-labelledby="cs-funding">
            <h2 id="cs-funding">{t('funding.heading')}</h2>
            <Funding study={study} />
          </section>
          {study.partners.length > 0 && (
            <section className="card" aria-labelledby="cs-partners">
              <h2 id="cs-partners">{t('sections.partners')}</h2>
              <ul className="list-plain">
                {study.partners.map((partner) => (
                  <li key={partner.name}>
                    <strong>{partner.name}</strong> — <Localized text={partner.role} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="cs-contact">
            <h2 id="cs-contact">{t('sections.contact')}</h2>
            <Contact study={study} />
          </section>
          <section className="card" aria-labelledby="cs-similar">
            <h2 id="cs-similar">{t('sections.similar')}</h2>
            <Similar id={study.id} />
          </section>
        </aside>
      </div>
    </article>
  );
}

export function CaseStudyPage() {
  const { t } = useTranslation('case-studies');
  const { id = '' } = useParams();
  const query = useCaseStudy(id);
  const session = useSession();
  if (query.data) return <CaseStudyView study={query.data} />;
  if (isApiError(query.error) && query.error.status === 404) {
    // an unpublished case study answers 404 until the session is known; wait for it before concluding
    if (session.isLoading) return <Loading />;
    return <CaseStudyNotFound detail={query.error.problem?.detail} />;
  }
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryView query={query}>{() => null}</QueryView>
    </>
  );
}
