import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { formatNumber } from '../../../lib/format/names';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { useChangeExchange } from '../api/change-exchange';
import { useMakeCaseStudyDraft } from '../api/make-draft';
import type { Exchange, ExchangeOutcome } from '../api/types';
import { MAX_MESSAGE, type OutcomeForm, outcomeSchema, useExchangeFormMessage } from '../form';
import { formatInstant } from '../time';
import { ExchangeProblem } from './ExchangeProblem';
import { LinkedText } from './LinkedText';

const SCORES = ['1', '2', '3', '4', '5'] as const;

function OutcomeView({ outcome }: { outcome: ExchangeOutcome }) {
  const { t, i18n } = useTranslation('exchanges');
  return (
    <dl className="facts exchange-outcome">
      <dt>{t('outcome.learnt')}</dt>
      <dd>
        <LinkedText text={outcome.learnt} />
      </dd>
      <dt>{t('outcome.willAdopt')}</dt>
      <dd>
        <LinkedText text={outcome.willAdopt} />
      </dd>
      <dt>{t('outcome.usefulness')}</dt>
      <dd>{t('outcome.score', { score: formatNumber(outcome.usefulness, i18n.language) })}</dd>
      <dt>{t('outcome.recordedAt')}</dt>
      <dd>{formatInstant(outcome.recordedAt, i18n.language)}</dd>
    </dl>
  );
}

/** The asking city's record of the exchange, once its agreed date has passed (RECORD_OUTCOME). */
function OutcomeFormView({ exchange, onReload }: { exchange: Exchange; onReload: () => void }) {
  const { t } = useTranslation('exchanges');
  const message = useExchangeFormMessage();
  const change = useChangeExchange(exchange.id);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<OutcomeForm>({
    defaultValues: {
      learnt: exchange.outcome?.learnt ?? '',
      willAdopt: exchange.outcome?.willAdopt ?? '',
      usefulness: exchange.outcome ? String(exchange.outcome.usefulness) : '',
    },
    resolver: zodResolver(outcomeSchema),
  });
  useUnsavedChangesPrompt(form);
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) => {
    setError(null);
    change.mutate(
      {
        exchange,
        change: { kind: 'outcome', learnt: values.learnt.trim(), willAdopt: values.willAdopt.trim(), usefulness: Number(values.usefulness) },
      },
      { onSuccess: () => form.reset(values, { keepValues: true }), onError: setError },
    );
  });
  return (
    <form className="exchange-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="exchange-outcome-form">
      <h3 id="exchange-outcome-form">{t('outcome.formTitle')}</h3>
      <p className="field__hint">{t('outcome.formHint')}</p>
      <FormField id="exchange-learnt" label={t('outcome.learnt')} error={errors.learnt?.message ? message(errors.learnt.message) : undefined}>
        {(props) => <textarea {...props} rows={4} maxLength={MAX_MESSAGE} {...form.register('learnt')} />}
      </FormField>
      <FormField
        id="exchange-willAdopt"
        label={t('outcome.willAdopt')}
        error={errors.willAdopt?.message ? message(errors.willAdopt.message) : undefined}
      >
        {(props) => <textarea {...props} rows={4} maxLength={MAX_MESSAGE} {...form.register('willAdopt')} />}
      </FormField>
      <fieldset className="exchange-choice exchange-usefulness" aria-describedby="exchange-usefulness-hint">
        <legend>{t('outcome.usefulness')}</legend>
        <p className="field__hint" id="exchange-usefulness-hint">
          {t('outcome.usefulnessHint')}
        </p>
        <div className="exchange-usefulness__scores">
          {SCORES.map((score) => (
            <label key={score} className="checkbox">
              <input type="radio" value={score} {...form.register('usefulness')} />
              {t(`outcome.scores.${score}`)}
            </label>
          ))}
        </div>
        {errors.usefulness?.message && <p className="field__error">{message(errors.usefulness.message)}</p>}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? t('outcome.saving') : t('outcome.save')}
        </button>
      </div>
      {error !== null && <ExchangeProblem error={error} onReload={onReload} />}
    </form>
  );
}

/** "Turn this into a case study draft" (MAKE_DRAFT): creates the draft, then opens it in the editor. */
function MakeDraft({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation('exchanges');
  const navigate = useNavigate();
  const draft = useMakeCaseStudyDraft(exchange.id);
  return (
    <div className="exchange-draft">
      <p className="field__hint">{t('outcome.draftHint')}</p>
      <button
        type="button"
        className="button"
        disabled={draft.isPending}
        onClick={() =>
          draft.mutate(
            { id: exchange.id },
            { onSuccess: ({ caseStudyId }) => void navigate(`/case-studies/${encodeURIComponent(caseStudyId)}/edit`) },
          )
        }
      >
        {draft.isPending ? t('outcome.drafting') : t('outcome.makeDraft')}
      </button>
      {draft.isError && <ExchangeProblem error={draft.error} />}
    </div>
  );
}

/**
 * The outcome: the form for the asking city once the date has passed, the record both sides see,
 * and the way on to a case study draft.
 */
export function Outcome({ exchange, onReload }: { exchange: Exchange; onReload: () => void }) {
  const { t } = useTranslation('exchanges');
  const mayRecord = exchange.canAct.includes('RECORD_OUTCOME');
  const mayDraft = exchange.canAct.includes('MAKE_DRAFT');
  const waiting = exchange.state === 'ACCEPTED' && !exchange.outcome && !mayRecord;
  if (!exchange.outcome && !mayRecord && !waiting) return null;
  return (
    <section className="card" aria-labelledby="exchange-outcome">
      <h2 id="exchange-outcome">{t('outcome.heading')}</h2>
      {exchange.outcome ? <OutcomeView outcome={exchange.outcome} /> : waiting && <p className="muted">{t('outcome.afterDate')}</p>}
      {mayRecord && <OutcomeFormView exchange={exchange} onReload={onReload} />}
      {mayDraft && <MakeDraft exchange={exchange} />}
      {!mayDraft && exchange.caseStudyDraftId && (
        <p>
          <Link to={`/case-studies/${encodeURIComponent(exchange.caseStudyDraftId)}`}>{t('outcome.openDraft')}</Link>
        </p>
      )}
    </section>
  );
}
