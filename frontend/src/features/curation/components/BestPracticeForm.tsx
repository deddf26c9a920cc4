import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/status';
import { useMarkBestPractice } from '../api/best-practice';
import type { CaseStudy } from '../api/queue';

/** Marks a published case study as best practice (or not), with its awards. */
export function BestPracticeForm({ study, onDone }: { study: CaseStudy; onDone: () => void }) {
  const { t } = useTranslation('curation');
  const mark = useMarkBestPractice();
  const [bestPractice, setBestPractice] = useState(study.bestPractice);
  const [awards, setAwards] = useState(study.awards.join('\n'));
  const awardsId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = awards
      .split('\n')
      .map((award) => award.trim())
      .filter(Boolean);
    mark.mutate(
      { id: study.id, bestPractice: { bestPractice, awards: list, version: study.version } },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="queue-best" onSubmit={submit}>
      <h3>{t('bestPractice.heading')}</h3>
      <label className="checkbox">
        <input type="checkbox" checked={bestPractice} onChange={(event) => setBestPractice(event.target.checked)} />
        {t('bestPractice.mark')}
      </label>
      <div className="field">
        <label htmlFor={awardsId}>{t('bestPractice.awards')}</label>
        <textarea id={awardsId} aria-describedby={hintId} value={awards} onChange={(event) => setAwards(event.target.value)} />
        <span id={hintId} className="field__hint">
          {t('bestPractice.awardsHint')}
        </span>
      </div>
      <button type="submit" className="button button--secondary" disabled={mark.isPending}>
        {mark.isPending ? t('review.working') : t('bestPractice.save')}
      </button>
      {mark.isError && <ErrorMessage error={mark.error} />}
    </form>
  );
}
