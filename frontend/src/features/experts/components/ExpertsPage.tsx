import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, Loading, QueryView } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { characteristicName, countryName, languageName } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { useReference } from '../../../lib/reference/reference';
import { useExpert } from '../api/expert';
import { type Characteristic, type Expert, type ExpertStatus, type ServiceDomain, useExperts } from '../api/experts';
import { useExpertLanguages } from '../api/expert-languages';
import './experts.css';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { ServiceDomainChips, ServiceDomainOptions } from '../../../components/ui/service-domains';

const PAGE_SIZE = 12;

function Contact({ expert }: { expert: Expert }) {
  const { t } = useTranslation('experts');
  const { colon } = usePunctuation();
  const session = useSession();
  if (!session.isAuthenticated) {
    return (
      <button type="button" className="button button--secondary" onClick={() => void session.signIn()}>
        {t('contact.signIn')}
      </button>
    );
  }
  const contact = expert.contact;
  if (!contact?.email && !contact?.phone) return <span className="muted">{t('contact.none')}</span>;
  return (
    <span className="expert-contact">
      {contact.email && (
        <>
          <span className="visually-hidden">{t('contact.email')}
            {colon}
          </span>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      )}
      {contact.email && contact.phone && <br />}
      {contact.phone && (
        <>
          <span className="visually-hidden">{t('contact.phone')}
            {colon}
          </span>
          <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
        </>
      )}
    </span>
  );
}

function ExpertCard({ expert, focused = false }: { expert: Expert; focused?: boolean }) {
  const { t, i18n } = useTranslation('experts');
  const reference = useReference().data;
  const language = i18n.language;
  const headingId = useId();
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused && card.current) {
      card.current.scrollIntoView?.({ block: 'start' });
      card.current.focus({ preventScroll: true });
    }
  }, [focused]);
  return (
    <article
      ref={card}
      id={`expert-${expert.id}`}
      className={`card expert-card${focused ? ' expert-card--focused' : ''}`}
      aria-labelledby={headingId}
      tabIndex={focused ? -1 : undefined}
    >
      <h3 id={headingId}>
        {expert.name}
        {expert.status === 'PROPOSED' && <span className="chip"> {t('statuses.PROPOSED')}</span>}
      </h3>
      <dl className="facts">
        <dt>{t('fields.affiliation')}</dt>
        <dd>
          <Localized text={expert.affiliation} />
        </dd>
        <dt>{t('fields.country')}</dt>
        <dd>
          {countryName(expert.country, language)}
          {countryName(expert.country, language) !== t(`common:regions.${expert.region}`) && (
            <span className="muted"> · {t(`common:regions.${expert.region}`)}</span>
          )}
        </dd>
        <dt>{t('fields.languages')}</dt>
        <dd>{expert.languages.map((code) => languageName(code, language)).join(language.startsWith('zh') ? '、' : ', ')}</dd>
        <dt>{t('fields.characteristics')}</dt>
        <dd>
          <ul className="chips">
            {expert.expertise.characteristics.map((code) => (
              <li key={code} className="chip">
                {characteristicName(reference, code, language)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('fields.domains')}</dt>
        <dd>
          <ServiceDomainChips codes={expert.expertise.serviceDomains} />
        </dd>
        <dt>{t('fields.availability')}</dt>
        <dd>{t(`availability.${expert.availability}`)}</dd>
        <dt>{t('fields.contact')}</dt>
        <dd>
          <Contact expert={expert} />
        </dd>
      </dl>
      <Localized as="p" text={expert.bio} />
    </article>
  );
}

function FocusedExpert({ id }: { id: string }) {
  const { t } = useTranslation('experts');
  const session = useSession();
  const query = useExpert(id, session.username);
  return (
    <section className="expert-focus" aria-labelledby="expert-focus-heading">
      <h2 id="expert-focus-heading">{t('focused')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <>
          <p>{t('focusedMissing')}</p>
          <ErrorMessage error={query.error} />
        </>
      ) : (
        <ExpertCard expert={query.data} focused />
      )}
    </section>
  );
}

export function ExpertsPage() {
  const { t, i18n } = useTranslation('experts');
  const session = useSession();
  const reference = useReference().data;
  const { params, setParams, page, setFilter: update } = useFilterParams();
  const characteristic = (params.get('characteristic') ?? '') as Characteristic | '';
  const domain = (params.get('domain') ?? '') as ServiceDomain | '';
  const language = params.get('language') ?? '';
  const status = (session.isCurator ? (params.get('status') ?? '') : '') as ExpertStatus | '';
  const focus = params.get('focus') ?? undefined;
  const filtered = Boolean(characteristic || domain || language || status);

  const query = useExperts(
    {
      characteristic: characteristic || undefined,
      domain: domain || undefined,
      language: language || undefined,
      status: status || undefined,
      page,
      size: PAGE_SIZE,
    },
    session.username,
  );
  // every language someone in the directory speaks (the search index's facet over all of them), for
  // the language filter; while search cannot answer, those of the experts shown
  const spoken = useExpertLanguages();
  const languages = [...new Set(spoken.data ?? (query.data?.items ?? []).flatMap((expert) => expert.languages))]
    .map((code) => ({ code, name: languageName(code, i18n.language) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  if (language && !languages.some((entry) => entry.code === language)) {
    languages.push({ code: language, name: languageName(language, i18n.language) });
  }

  return (
    <>
      <PageHeader title={t('title')}>
        <p>{t('intro')}</p>
      </PageHeader>
      {focus && <FocusedExpert id={focus} />}
      <form className="experts__filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="expert-characteristic">{t('characteristic')}</label>
          <select
            id="expert-characteristic"
            value={characteristic}
            onChange={(event) => update('characteristic', event.target.value)}
          >
            <option value="">{t('anyCharacteristic')}</option>
            {(reference?.characteristics ?? []).map((entry) => (
              <option key={entry.code} value={entry.code}>
                {characteristicName(reference, entry.code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="expert-domain">{t('domain')}</label>
          <select id="expert-domain" value={domain} onChange={(event) => update('domain', event.target.value)}>
            <option value="">{t('anyDomain')}</option>
            <ServiceDomainOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="expert-language">{t('language')}</label>
          <select id="expert-language" value={language} onChange={(event) => update('language', event.target.value)}>
            <option value="">{t('anyLanguage')}</option>
            {languages.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
        {session.isCurator && (
          <div className="field">
            <label htmlFor="expert-status">{t('status')}</label>
            <select id="expert-status" value={status} onChange={(event) => update('status', event.target.value)}>
              <option value="">{t('statuses.APPROVED')}</option>
              <option value="PROPOSED">{t('statuses.PROPOSED')}</option>
            </select>
          </div>
        )}
        {filtered && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setParams((current) => {
                const next = new URLSearchParams();
                const kept = current.get('focus');
                if (kept) next.set('focus', kept);
                return next;
              })
            }
          >
            {t('clear')}
          </button>
        )}
      </form>
      <QueryView query={query}>
        {(data) => {
          const items = data.items.filter((expert) => expert.id !== focus);
          return (
            <section aria-labelledby="experts-count">
              <h2 id="experts-count" className="visually-hidden">
                {t('title')}
              </h2>
              <p role="status" className="muted">
                {t('count', { count: data.total })}
              </p>
              {data.items.length === 0 ? (
                <Empty>{filtered ? t('none') : t('noneAtAll')}</Empty>
              ) : (
                <ul className="expert-list grid grid--2">
                  {items.map((expert) => (
                    <li key={expert.id}>
                      <ExpertCard expert={expert} />
                    </li>
                  ))}
                </ul>
              )}
              <Pagination page={data.page} size={data.size} total={data.total} onPage={(next) => update('page', String(next))} />
            </section>
          );
        }}
      </QueryView>
    </>
  );
}
