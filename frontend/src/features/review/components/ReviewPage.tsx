import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { PageHeader } from '../../../components/ui/page';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { useCity } from '../../../lib/city/city';
import { characteristicName, criterionText, formatDate } from '../../../lib/format/names';
import { pick } from '../../../lib/i18n/localized';
import { useReference, type ReferenceData } from '../../../lib/reference/reference';
import { useReturnReview, useValidateReview } from '../api/review-actions';
import { type Assessment, usePreviousRound, useReviewDraft } from '../api/review-draft';
import { compareRounds, type Comparison } from '../compare';
import './review.css';

function questionText(reference: ReferenceData, code: string, language: string): string {
  for (const characteristic of reference.characteristics) {
    const question = characteristic.questions.find((candidate) => candidate.code === code);
    if (question) return pick(question.text, language).text;
  }
  return code;
}

function CharacteristicReview({
  row,
  draft,
  reference,
  hasPrevious,
}: {
  row: Comparison;
  draft: Assessment;
  reference: ReferenceData;
  hasPrevious: boolean;
}) {
  const { t, i18n } = useTranslation('review');
  const headingId = useId();
  const entry = draft.characteristics.find((candidate) => candidate.characteristic === row.code)!;
  const rated = reference.characteristics.find((candidate) => candidate.code === row.code)?.rated ?? true;
  const answered = row.met.length > 0 || Object.keys(entry.evidence.answers).length > 0 || (entry.evidence.links ?? []).length > 0;
  return (
    <li>
      <section className="card review-characteristic" aria-labelledby={headingId}>
        <h2 id={headingId}>
          {characteristicName(reference, row.code, i18n.language)}
          {row.changed && answered && <span className="chip chip--new">{t('changed')}</span>}
        </h2>
        {rated && (
          <p className="review-levels">
            <span>
              {t('levelNow')} <LevelBadge level={row.level} />
            </span>
            <span>
              {t('levelBefore')} {hasPrevious ? <LevelBadge level={row.previousLevel} /> : <span className="muted">{t('noPrevious')}</span>}
            </span>
          </p>
        )}
        {!answered ? (
          <p className="muted">{t('notAnswered')}</p>
        ) : (
          <>
            <h3>{t('criteriaMet', { count: row.met.length })}</h3>
            {row.met.length > 0 && (
              <ul className="review-criteria">
                {row.met.map((code) => (
                  <li key={code}>
                    {criterionText(reference, code, i18n.language)}{' '}
                    {hasPrevious && row.added.includes(code) && <span className="chip chip--new">{t('added')}</span>}
                  </li>
                ))}
              </ul>
            )}
            {row.removed.length > 0 && (
              <>
                <h3>{t('criteriaRemoved', { count: row.removed.length })}</h3>
                <ul className="review-criteria">
                  {row.removed.map((code) => (
                    <li key={code}>
                      <span className="chip chip--gone">{t('removed')}</span> {criterionText(reference, code, i18n.language)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="review-evidence">
              <h3>{t('evidence')}</h3>
              {Object.entries(entry.evidence.answers).map(([question, answer]) => (
                <div key={question}>
                  <p className="small">
                    <strong>{questionText(reference, question, i18n.language)}</strong>
                    {hasPrevious && row.changedAnswers.includes(question) && <> <span className="chip chip--new">{t('rewritten')}</span></>}
                  </p>
                  <blockquote>{answer}</blockquote>
                </div>
              ))}
              {(entry.evidence.links ?? []).length > 0 && (
                <ul className="list-plain">
                  {(entry.evidence.links ?? []).map((link) => (
                    <li key={link}>
                      <a href={link} rel="noopener noreferrer nofollow">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {Object.keys(entry.evidence.answers).length === 0 && (entry.evidence.links ?? []).length === 0 && (
                <p className="muted">{t('noEvidence')}</p>
              )}
            </div>
          </>
        )}
      </section>
    </li>
  );
}

/** Validate, or return with a note: for the assigned expert and admins. */
function Decision({
  draft,
  validate,
  giveBack,
  onDone,
}: {
  draft: Assessment;
  validate: ReturnType<typeof useValidateReview>;
  giveBack: ReturnType<typeof useReturnReview>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('review');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const failed = validate.error ?? giveBack.error;
  const busy = validate.isPending || giveBack.isPending;
  const version = draft.version ?? 0;

  const onReturn = () => {
    if (!note.trim()) {
      setNoteError(t('decision.noteRequired'));
      return;
    }
    setNoteError('');
    giveBack.mutate({ cityId: draft.cityId, version, note: note.trim() }, { onSuccess: () => onDone(t('decision.returned')) });
  };
  const onValidate = (event: FormEvent) => {
    event.preventDefault();
    setNoteError('');
    validate.mutate({ cityId: draft.cityId, version, note: note.trim() }, { onSuccess: () => onDone(t('decision.validated')) });
  };

  return (
    <form className="card review-decision" onSubmit={onValidate} aria-labelledby="review-decision-heading">
      <h2 id="review-decision-heading">{t('decision.heading')}</h2>
      <div className="field">
        <label htmlFor="review-note">{t('decision.note')}</label>
        <span className="field__hint" id="review-note-hint">
          {t('decision.noteHint')}
        </span>
        <textarea
          id="review-note"
          value={note}
          maxLength={2000}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? 'review-note-hint review-note-error' : 'review-note-hint'}
          onChange={(event) => setNote(event.target.value)}
        />
        {noteError && (
          <span className="field__error" id="review-note-error">
            {noteError}
          </span>
        )}
      </div>
      {failed && <ErrorMessage error={failed} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('decision.validate')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onReturn}>
          {t('decision.return')}
        </button>
      </div>
    </form>
  );
}

/**
 * One submitted self-assessment under review: per characteristic the criteria ticked with their
 * evidence, the derived level beside the previous validated round, and what changed; the assigned
 * expert (or an admin) validates it or returns it with a note.
 */
export function ReviewPage() {
  const { cityId = '' } = useParams();
  const { t, i18n } = useTranslation('review');
  const session = useSession();
  const reference = useReference();
  const city = useCity(cityId);
  const draft = useReviewDraft(cityId);
  const previous = usePreviousRound(cityId);
  const [done, setDone] = useState('');
  // owned here, not by the decision form, which leaves the page once the decision is made
  const validate = useValidateReview();
  const giveBack = useReturnReview();
  const cityName = city.data ? pick(city.data.name, i18n.language).text : cityId;

  let content;
  if (done) {
    content = (
      <div role="status" aria-live="polite">
        <p className="status status--ok">{done}</p>
        <p>
          <Link to="/review">{t('backToQueue')}</Link>
        </p>
      </div>
    );
  } else if (draft.isError) {
    content =
      isApiError(draft.error) && draft.error.status === 404 ? (
        <p className="status status--empty">{t('nothingToReview')}</p>
      ) : (
        <ErrorMessage error={draft.error} onRetry={() => void draft.refetch()} />
      );
  } else if (reference.isError) content = <ErrorMessage error={reference.error} onRetry={() => void reference.refetch()} />;
  else if (previous.isError) content = <ErrorMessage error={previous.error} onRetry={() => void previous.refetch()} />;
  else if (draft.isPending || reference.isPending || previous.isPending) content = <Loading />;
  else {
    const rows = compareRounds(draft.data, previous.data);
    const mayDecide =
      draft.data.status === 'SUBMITTED' &&
      (session.hasRole('admin') || (Boolean(session.me?.expertId) && draft.data.reviewer?.expertId === session.me?.expertId));
    const changedCount = rows.filter((row) => row.changed).length;
    content = (
      <>
        <p className="review-item__meta">
          <span className="chip">{t(`draftStatuses.${draft.data.status}`)}</span>
          <span>{t('round', { round: draft.data.round })}</span>
          <span>{draft.data.reviewer ? t('reviewer', { name: draft.data.reviewer.name }) : t('noReviewer')}</span>
          <span>
            {previous.data
              ? t('comparedWith', { round: previous.data.round, date: formatDate(previous.data.assessedAt, i18n.language) })
              : t('firstRound')}
          </span>
        </p>
        <p>{t('changedCount', { count: changedCount })}</p>
        <ol className="review-characteristics">
          {rows.map((row) => (
            <CharacteristicReview key={row.code} row={row} draft={draft.data} reference={reference.data} hasPrevious={Boolean(previous.data)} />
          ))}
        </ol>
        {mayDecide ? (
          <Decision draft={draft.data} validate={validate} giveBack={giveBack} onDone={setDone} />
        ) : (
          draft.data.status === 'SUBMITTED' && <p className="status status--empty">{t('decision.notYours')}</p>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('page.title', { city: cityName })}>
        <p>
          <Link to="/review">{t('backToQueue')}</Link>
        </p>
      </PageHeader>
      {content}
    </>
  );
}
