import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format/names';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import type { Assessment } from '../api/assessment-draft';

export type Meta = {
  status: Assessment['status'] | 'NEW';
  round?: number;
  version?: number;
  reviewNotes: NonNullable<Assessment['reviewNotes']>;
  startedFrom?: 'current' | 'empty';
  assessedAt?: string;
  /** The expert assigned to review it, once assigned. */
  reviewer?: string;
};

/** Where the assessment stands: status and round, what it started from, and a reviewer's note on a return. */
export function AssessmentStatus({ meta }: { meta: Meta }) {
  const { t, i18n } = useTranslation('assessment');
  const punctuation = usePunctuation();
  const returned = meta.status === 'RETURNED' ? meta.reviewNotes.filter((note) => note.to === 'RETURNED').at(-1) : undefined;
  return (
    <>
      <p className="assessment__status">
        <span>
          {t('status.label')}
          {punctuation.colon}
          <strong className={`assessment__state assessment__state--${meta.status}`}>{t(`status.${meta.status}`)}</strong>
        </span>
        {meta.round !== undefined && <span className="muted">{t('round', { round: meta.round })}</span>}
      </p>
      {meta.startedFrom === 'current' && (
        <p className="status status--empty">{t('startedFromCurrent', { date: formatDate(meta.assessedAt, i18n.language) })}</p>
      )}
      {meta.startedFrom === 'empty' && <p className="status status--empty">{t('startedEmpty')}</p>}
      {meta.status === 'SUBMITTED' && <p className="status status--ok">{t('submittedNote')}</p>}
      {(meta.status === 'SUBMITTED' || meta.status === 'RETURNED') && (
        <p className="assessment__reviewer">{meta.reviewer ? t('reviewedBy', { name: meta.reviewer }) : t('awaitingReviewer')}</p>
      )}
      {meta.status === 'RETURNED' && (
        <div className="status status--error assessment__returned">
          <p className="status__heading">{t('returnedHeading')}</p>
          {returned?.note ? (
            <>
              <p className="status__detail">{t('returnedNote', { by: returned.by, date: formatDate(returned.at, i18n.language) })}</p>
              <blockquote>{returned.note}</blockquote>
            </>
          ) : (
            <p>{t('returnedNoNote')}</p>
          )}
        </div>
      )}
    </>
  );
}
