import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import type { CaseStudy } from '../api/queue';
import { type Decision, NOTE_REQUIRED, useReviewCaseStudy } from '../api/review';
import { useVerifyCaseStudy } from '../api/verify';

type Done = { kind: Decision | 'verify'; leaves: boolean };

/**
 * The curator's decision on one case study, with a note to the city: publish, request changes or
 * reject a submitted one; reject one waiting for changes; confirm or archive a published one.
 */
export function ReviewActions({
  study,
  title,
  leavesOnVerify,
  onDone,
}: {
  study: CaseStudy;
  title: string;
  leavesOnVerify: boolean;
  onDone: (done: Done) => void;
}) {
  const { t } = useTranslation('curation');
  const review = useReviewCaseStudy();
  const verify = useVerifyCaseStudy();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [confirming, setConfirming] = useState<'REJECT' | 'ARCHIVE' | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const noteId = useId();
  const hintId = useId();
  const errorId = useId();
  const confirmId = useId();
  const busy = review.isPending || verify.isPending;
  const failure = review.error ?? verify.error;

  const decisions: Decision[] =
    study.status === 'SUBMITTED'
      ? ['PUBLISH', 'REQUEST_CHANGES', 'REJECT']
      : study.status === 'CHANGES_REQUESTED'
        ? ['REJECT']
        : study.status === 'PUBLISHED'
          ? ['ARCHIVE']
          : [];

  const noteMissing = (decision: Decision) => {
    if (NOTE_REQUIRED.includes(decision) && !note.trim()) {
      setNoteError(t('review.noteRequired'));
      noteField.current?.focus();
      return true;
    }
    setNoteError('');
    return false;
  };

  const decide = (decision: Decision) => {
    review.reset();
    verify.reset();
    if (noteMissing(decision)) return;
    review.mutate(
      { id: study.id, review: { decision, version: study.version, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          setConfirming(null);
          onDone({ kind: decision, leaves: true });
        },
        onError: (error) => {
          setConfirming(null);
          const fieldError = isApiError(error) ? error.fieldErrors().note : undefined;
          if (fieldError) setNoteError(fieldError);
        },
      },
    );
  };

  const ask = (decision: 'REJECT' | 'ARCHIVE') => {
    review.reset();
    verify.reset();
    if (noteMissing(decision)) return;
    setConfirming(decision);
    setTimeout(() => confirmButton.current?.focus(), 0);
  };

  const label: Record<Decision, string> = {
    PUBLISH: t('review.publish'),
    REQUEST_CHANGES: t('review.requestChanges'),
    REJECT: t('review.reject'),
    ARCHIVE: t('review.archive'),
  };

  if (decisions.length === 0) return null;
  const describedBy = [hintId, noteError ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="queue-review">
      <div className="field">
        <label htmlFor={noteId}>{t('review.note')}</label>
        <textarea
          ref={noteField}
          id={noteId}
          value={note}
          maxLength={2000}
          aria-describedby={describedBy}
          aria-invalid={noteError ? true : undefined}
          onChange={(event) => {
            setNote(event.target.value);
            if (noteError && event.target.value.trim()) setNoteError('');
          }}
        />
        <span id={hintId} className="field__hint">
          {decisions.some((decision) => NOTE_REQUIRED.includes(decision)) ? t('review.noteHint') : t('review.noteOptionalHint')}
        </span>
        {noteError && (
          <span id={errorId} className="field__error">
            {noteError}
          </span>
        )}
      </div>
      <div className="actions">
        {study.status === 'PUBLISHED' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              review.reset();
              verify.reset();
              verify.mutate(
                { id: study.id, version: study.version },
                { onSuccess: () => onDone({ kind: 'verify', leaves: leavesOnVerify }) },
              );
            }}
          >
            {t('review.verify')}
          </button>
        )}
        {decisions.map((decision) => (
          <button
            key={decision}
            type="button"
            className={
              decision === 'PUBLISH'
                ? 'button'
                : decision === 'REJECT' || decision === 'ARCHIVE'
                  ? 'button button--danger'
                  : 'button button--secondary'
            }
            disabled={busy}
            onClick={() => (decision === 'REJECT' || decision === 'ARCHIVE' ? ask(decision) : decide(decision))}
          >
            {label[decision]}
          </button>
        ))}
      </div>
      {confirming && (
        <div className="queue-confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId}>
            {confirming === 'REJECT' ? t('review.confirmReject', { title }) : t('review.confirmArchive', { title })}
          </p>
          <div className="actions">
            <button ref={confirmButton} type="button" className="button button--danger" disabled={busy} onClick={() => decide(confirming)}>
              {busy ? t('review.working') : confirming === 'REJECT' ? t('review.yesReject') : t('review.yesArchive')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t('review.cancel')}
            </button>
          </div>
        </div>
      )}
      {failure && !(isApiError(failure) && failure.fieldErrors().note) && <ErrorMessage error={failure} />}
    </div>
  );
}
