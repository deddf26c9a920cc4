import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { PageHeader } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { characteristicName } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { useReference } from '../../../lib/reference/reference';
import type { Expert } from '../api/experts-admin';
import { linkedCaseStudiesQuery } from '../api/linked-case-studies';
import { useMyExpert, useSaveMyExpert } from '../api/my-expert-profile';
import { inputOf, valuesOf } from '../form';
import { ExpertForm } from './ExpertForm';
import './expert-database.css';

/** The steps of the expert's expertise and the published case studies that document them. */
function LinkedWork({ expert }: { expert: Expert }) {
  const { t, i18n } = useTranslation('expert-database');
  const reference = useReference().data;
  const characteristics = expert.expertise.characteristics;
  const results = useQueries({ queries: characteristics.map((code) => linkedCaseStudiesQuery(code)) });
  return (
    <section className="card" aria-labelledby="linked-heading">
      <h2 id="linked-heading">{t('me.linked')}</h2>
      <p className="muted">{t('me.linkedIntro')}</p>
      <ul className="list-plain">
        {characteristics.map((code, index) => {
          const result = results[index]!;
          const level = expert.expertise.levels?.[code];
          return (
            <li key={code}>
              <h3>
                {characteristicName(reference, code, i18n.language)} {level ? <LevelBadge level={level} /> : <span className="muted small">{t('form.anyLevel')}</span>}
              </h3>
              {result.isError ? (
                <ErrorMessage error={result.error} onRetry={() => void result.refetch()} />
              ) : result.isPending ? (
                <p className="muted">…</p>
              ) : result.data.items.length === 0 ? (
                <p className="muted">{t('me.noCaseStudies')}</p>
              ) : (
                <ul>
                  {result.data.items.map((study) => (
                    <li key={study.id}>
                      <Link to={`/case-studies/${study.id}`}>
                        <Localized text={study.title} />
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The signed-in expert's own profile: expertise per characteristic and level, domains, languages, availability, contact. */
export function MyExpertProfilePage() {
  const { t } = useTranslation('expert-database');
  const query = useMyExpert();
  const save = useSaveMyExpert();
  const [saved, setSaved] = useState('');
  const [formKey, setFormKey] = useState(0);

  return (
    <>
      <PageHeader title={t('me.title')}>
        <p>{t('me.intro')}</p>
      </PageHeader>
      <div role="status" aria-live="polite" className="expert-announce">
        {saved && <p className="status status--ok">{saved}</p>}
      </div>
      <QueryView query={query}>
        {(expert) => (
          <>
            <p className="expert-row__meta">
              <span className="chip">{t(`statuses.${expert.status}`)}</span>
              {expert.status === 'APPROVED' && <Link to={`/experts?expert=${expert.id}`}>{t('me.publicEntry')}</Link>}
            </p>
            <section className="card" aria-labelledby="profile-heading">
              <h2 id="profile-heading">{t('me.profile')}</h2>
              <ExpertForm
                key={formKey}
                idPrefix="my-profile"
                initial={valuesOf(expert)}
                withId={false}
                submitLabel={t('form.save')}
                busy={save.isPending}
                error={save.error}
                onReload={() => {
                  save.reset();
                  void query.refetch().then(() => setFormKey((key) => key + 1));
                }}
                onKeepMine={() => {
                  save.reset();
                  return query.refetch();
                }}
                onSubmit={async (values) => {
                  setSaved('');
                  await save.mutateAsync(inputOf({ ...values, id: '' }, expert.version));
                  setSaved(t('me.saved'));
                }}
              />
            </section>
            {expert.expertise.characteristics.length === 0 ? <Empty>{t('me.noExpertise')}</Empty> : <LinkedWork expert={expert} />}
          </>
        )}
      </QueryView>
    </>
  );
}
