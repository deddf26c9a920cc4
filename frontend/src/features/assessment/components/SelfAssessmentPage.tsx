import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { useCity } from '../../../lib/city/city';
import { usePick } from '../../../lib/i18n/localized';
import { useReference } from '../../../lib/reference/reference';
import { useAssessmentDraft } from '../api/assessment-draft';
import { useCurrentAssessment } from '../api/current-assessment';
import { AssessmentEditor } from './AssessmentEditor';
import type { Meta } from './AssessmentStatus';
import './assessment.css';

/**
 * A city's self-assessment: its draft, or a new one started from the current validated assessment
 * (read only when the city has one: no request that must fail), or from nothing.
 */
export function SelfAssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessment');
  const pick = usePick();
  const reference = useReference();
  const draft = useAssessmentDraft(id);
  const city = useCity(id);
  const needsCurrent = draft.isSuccess && draft.data === null && Boolean(city.data?.assessedAt);
  const current = useCurrentAssessment(id, needsCurrent);
  const [resetKey, setResetKey] = useState(0);
  const [reloading, setReloading] = useState(false);

  const cityName = city.data ? pick(city.data.name).text || id : id;
  const title = city.data ? t('title', { city: cityName }) : t('titleFallback');

  async function reload() {
    setReloading(true);
    await Promise.all([draft.refetch(), current.isFetched ? current.refetch() : undefined]);
    setResetKey((key) => key + 1);
    setReloading(false);
  }

  let content;
  if (reference.isError) content = <ErrorMessage error={reference.error} onRetry={() => void reference.refetch()} />;
  else if (draft.isError) content = <ErrorMessage error={draft.error} onRetry={() => void draft.refetch()} />;
  else if (city.isError) content = <ErrorMessage error={city.error} onRetry={() => void city.refetch()} />;
  else if (current.isError) content = <ErrorMessage error={current.error} onRetry={() => void current.refetch()} />;
  else if (reference.isPending || draft.isPending || city.isPending || (needsCurrent && current.isPending) || reloading)
    content = <Loading />;
  else {
    const started = needsCurrent ? (current.data ?? null) : null;
    const source = draft.data ?? started;
    const meta: Meta = draft.data
      ? { status: draft.data.status, round: draft.data.round, version: draft.data.version, reviewNotes: draft.data.reviewNotes ?? [], reviewer: draft.data.reviewer?.name }
      : { status: 'NEW', reviewNotes: [], startedFrom: started ? 'current' : 'empty', assessedAt: started?.assessedAt };
    content = (
      <AssessmentEditor
        key={resetKey}
        cityId={id}
        reference={reference.data}
        source={source}
        initialMeta={meta}
        onReload={() => void reload()}
        onLatestVersion={async () => (await draft.refetch()).data?.version}
      />
    );
  }

  return (
    <div className="assessment-page">
      <PageHeader title={title}>
        <p>{t('intro')}</p>
      </PageHeader>
      {content}
    </div>
  );
}
