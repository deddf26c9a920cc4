import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/status';
import { useDeleteTerm } from '../api/delete-term';

/** A delete button that first asks, in place: the question, "Yes, delete" (focused) and "Keep it". */
export function DeleteTerm({ id, term, onDeleted }: { id: string; term: string; onDeleted: () => void }) {
  const { t } = useTranslation('glossary');
  const [asking, setAsking] = useState(false);
  const remove = useDeleteTerm();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
    else if (wasAsking.current) deleteButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={deleteButton}
        type="button"
        className="button button--secondary"
        aria-label={t('actions.deleteTerm', { term })}
        onClick={() => setAsking(true)}
      >
        {t('actions.delete')}
      </button>
    );
  }
  return (
    <div className="glossary__confirm" role="group" aria-label={t('actions.deleteTerm', { term })}>
      <p>{t('actions.confirmDelete', { term })}</p>
      <div className="glossary__actions">
        <button
          ref={confirmButton}
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(id, { onSuccess: onDeleted })}
        >
          {remove.isPending ? t('actions.deleting') : t('actions.confirm')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            remove.reset();
            setAsking(false);
          }}
        >
          {t('actions.keep')}
        </button>
      </div>
      {remove.isError && <ErrorMessage error={remove.error} />}
    </div>
  );
}
