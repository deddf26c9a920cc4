import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { characteristicName, formatDate } from '../../../lib/format/names';
import { Localized, pick } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { useReference } from '../../../lib/reference/reference';
import type { LocalizedText } from '../../../lib/i18n/localized';
import type { CaseStudy, Queue } from '../api/queue';
import type { Decision } from '../api/review';
import { AuditTrail } from './AuditTrail';
import { BestPracticeForm } from './BestPracticeForm';
import { ReviewActions } from './ReviewActions';
import { ServiceDomainChips } from '../../../components/ui/service-domains';

export type ItemDone = { id: string; version: number; title: string; kind: Decision | 'verify' | 'bestPractice'; leaves: boolean };

/** One case study in a queue: an article named by its title, its facts, the review and its history. */
export function QueueItem({
  study,
  queue,
  cityName,
  onDone,
}: {
  study: CaseStudy;
  queue: Queue;
  /** The study's city's names, looked up for the whole page at once. */
  cityName: LocalizedText | undefined;
  onDone: (done: ItemDone) => void;
}) {
  const { t, i18n } = useTranslation('curation');
  const punctuation = usePunctuation();
  const reference = useReference().data;
  const language = i18n.language;
  const headingId = useId();
  const title = pick(study.title, language).text || study.id;
  const dateLabel =
    study.status === 'SUBMITTED' ? t('fields.submitted') : study.status === 'PUBLISHED' ? t('fields.lastVerified') : t('fields.changed');
  const date =
    study.status === 'PUBLISHED'
      ? study.lastVerified
        ? formatDate(study.lastVerified, language)
        : t('fields.never')
      : formatDate(study.updatedAt, language);

  return (
    <li>
      <article className="card queue-item" aria-labelledby={headingId}>
        <h2 id={headingId}>
          <Link to={`/case-studies/${encodeURIComponent(study.id)}`}>
            <Localized text={study.title} />
          </Link>
        </h2>
        <p className="queue-item__badges">
          <span className="chip">{t(`statuses.${study.status}`)}</span>
          {study.bestPractice && <span className="chip chip--best">{t('bestPracticeBadge')}</span>}
          {study.dueForReverification && <span className="chip chip--warn">{t('tabs.reverification')}</span>}
        </p>
        <div className="queue-item__layout">
          <div>
            <dl className="facts">
              <dt>{t('fields.city')}</dt>
              <dd>
                <Link to={`/cities/${encodeURIComponent(study.cityId)}`}>
                  {cityName ? <Localized text={cityName} /> : study.cityId}
                </Link>
              </dd>
              <dt>{dateLabel}</dt>
              <dd>{date}</dd>
              <dt>{t('fields.domains')}</dt>
              <dd>
                <ServiceDomainChips codes={study.serviceDomains} />
              </dd>
              <dt>{t('fields.steps')}</dt>
              <dd>
                {study.steps.length === 0 ? (
                  <span className="muted">{t('fields.noSteps')}</span>
                ) : (
                  <ul className="list-plain queue-steps">
                    {study.steps.map((step) => (
                      <li key={step.characteristic}>
                        <span>{punctuation.label(characteristicName(reference, step.characteristic, language))}</span>
                        <span className="queue-steps__levels">
                          <LevelBadge level={step.fromLevel} /> <span aria-hidden="true">→</span>
                          <span className="visually-hidden">{t('fields.to')}</span> <LevelBadge level={step.toLevel} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
            <Localized as="p" text={study.summary} />
          </div>
          <div>
            <ReviewActions
              study={study}
              title={title}
              leavesOnVerify={queue === 'reverification'}
              onDone={({ kind, leaves }) => onDone({ id: study.id, version: study.version, title, kind, leaves })}
            />
            {study.status === 'PUBLISHED' && (
              <BestPracticeForm study={study} onDone={() => onDone({ id: study.id, version: study.version, title, kind: 'bestPractice', leaves: false })} />
            )}
          </div>
        </div>
        <AuditTrail id={study.id} title={title} />
      </article>
    </li>
  );
}
