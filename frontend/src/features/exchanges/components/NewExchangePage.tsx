import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CityCombobox } from '../../../components/city/CityCombobox';
import { FormField } from '../../../components/ui/form-field';
import { LevelBadge } from '../../../components/ui/level';
import { PageHeader } from '../../../components/ui/page';
import { Empty, ErrorMessage, Loading } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { useCity } from '../../../lib/city/city';
import { characteristicName } from '../../../lib/format/names';
import { flattenErrors } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { Localized, pick } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import { useCreateExchange } from '../api/create-exchange';
import { usePeerCaseStudies } from '../api/peer-case-studies';
import { FORMATS } from '../api/types';
import {
  EXCHANGE_MESSAGES,
  MAX_MESSAGE,
  type RequestForm,
  type RequestStart,
  requestSchema,
  requestStartFrom,
  stepFor,
  toExchangeRequest,
  useExchangeFormMessage,
} from '../form';
import { ExchangeProblem } from './ExchangeProblem';
import { SlotsFields } from './SlotsFields';
import './exchanges.css';

const FIELD_LABELS = ['peerCityId', 'characteristic', 'format', 'message', 'caseStudyId'] as const;

/**
 * Asks a peer city for an exchange about one step: pre-filled from where it started (a match, a case
 * study, a cluster), the step from the asking city's own level, a format, proposed dates in the
 * reader's time zone, a first message and optionally one of the peer's case studies.
 */
function RequestFormView({ askingCityId, start }: { askingCityId: string; start: RequestStart }) {
  const { t, i18n } = useTranslation('exchanges');
  const { labelled } = usePunctuation();
  const navigate = useNavigate();
  const message = useExchangeFormMessage();
  const reference = useReference().data;
  const asking = useCity(askingCityId);
  const form = useForm<RequestForm>({
    defaultValues: {
      peerCityId: start.peerCityId,
      characteristic: start.characteristic,
      format: '',
      slots: [],
      message: '',
      caseStudyId: start.caseStudyId,
    },
    resolver: zodResolver(requestSchema),
    shouldFocusError: false,
  });
  const create = useCreateExchange();
  const allowNextNavigation = useUnsavedChangesPrompt(form);
  const [error, setError] = useState<unknown>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const peerCityId = form.watch('peerCityId');
  const characteristic = form.watch('characteristic');
  const caseStudies = usePeerCaseStudies(peerCityId || undefined);
  const studies = caseStudies.data?.items ?? [];
  const preset = start.caseStudyId ? studies.find((study) => study.id === start.caseStudyId) : undefined;
  const level = characteristic ? asking.data?.levels[characteristic] : undefined;
  const step = stepFor(characteristic, level);
  const characteristics = useMemo(() => (reference ? ratedCharacteristics(reference) : []), [reference]);

  const clientErrors = flattenErrors(form.formState.errors);
  const errorOf = (field: (typeof FIELD_LABELS)[number]) => (clientErrors[field] ? message(clientErrors[field]) : undefined);
  const labels: Record<(typeof FIELD_LABELS)[number], string> = {
    peerCityId: t('form.peer'),
    characteristic: t('form.characteristic'),
    format: t('form.format'),
    message: t('form.message'),
    caseStudyId: t('form.caseStudy'),
  };
  const summary = Object.entries(clientErrors).map(([path, code]) => {
    const field = FIELD_LABELS.find((name) => name === path);
    const slot = /^slots\.(\d+)\.(start|end)$/.exec(path);
    const label = field
      ? labels[field]
      : slot
        ? t(slot[2] === 'start' ? 'slots.start' : 'slots.end', { number: Number(slot[1]) + 1 })
        : t('slots.legend');
    const target = field ? `exchange-${field}` : slot ? `exchange-new-slot-${slot[1]}-${slot[2]}` : 'exchange-new-slot-0-start';
    return { path, target, text: labelled(label, message(code)) };
  });

  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      if (!step) {
        form.setError('characteristic', { type: 'custom', message: EXCHANGE_MESSAGES.noLevel });
        requestAnimationFrame(() => errorBox.current?.focus());
        return;
      }
      try {
        const exchange = await create.mutateAsync(toExchangeRequest(values, askingCityId, step, start));
        allowNextNavigation();
        void navigate(`/exchanges/${encodeURIComponent(exchange.id)}`, { state: { created: true } });
      } catch (failure) {
        setError(failure);
        requestAnimationFrame(() => errorBox.current?.focus());
      }
    },
    () => {
      setError(null);
      requestAnimationFrame(() => errorBox.current?.focus());
    },
  );

  const serverFieldErrors = isApiError(error) ? Object.entries(error.fieldErrors()) : [];
  const levelMissing = Boolean(characteristic) && asking.data !== undefined && !step;

  return (
    <FormProvider {...form}>
      <form className="exchange-form" noValidate onSubmit={(event) => void submit(event)}>
        <div ref={errorBox} tabIndex={-1} className="exchange-form__errors">
          {error !== null && <ExchangeProblem error={error} />}
          {serverFieldErrors.length > 0 && (
            <ul className="field__error">
              {serverFieldErrors.map(([field, text]) => (
                <li key={field}>{labelled(field, text)}</li>
              ))}
            </ul>
          )}
          {summary.length > 0 && (
            <div className="card exchange-form__summary">
              <p className="status__heading">{t('form.errorSummary')}</p>
              <ul>
                {summary.map((item) => (
                  <li key={item.path}>
                    <a href={`#${item.target}`}>{item.text}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <FormField id="exchange-peerCityId" label={labels.peerCityId} hint={t('form.peerHint')} error={errorOf('peerCityId')}>
          {(props) => (
            <Controller
              control={form.control}
              name="peerCityId"
              render={({ field }) => <CityCombobox {...props} value={field.value} onChange={field.onChange} required />}
            />
          )}
        </FormField>
        <div className="exchange-form__pair">
          <FormField id="exchange-characteristic" label={labels.characteristic} error={errorOf('characteristic')}>
            {(props) => (
              <select {...props} {...form.register('characteristic')}>
                <option value="">{t('form.chooseCharacteristic')}</option>
                {characteristics.map((entry) => (
                  <option key={entry.code} value={entry.code}>
                    {pick(entry.name, i18n.language).text}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="field" role="group" aria-labelledby="exchange-step-label">
            <span className="exchange-form__step-label" id="exchange-step-label">
              {t('form.step')}
            </span>
            <p className="exchange-form__step">
              {asking.isPending ? (
                <span className="muted">{t('form.stepLoading')}</span>
              ) : step ? (
                <>
                  <span>{characteristicName(reference, step.characteristic, i18n.language)}</span>{' '}
                  <LevelBadge level={step.fromLevel} /> <span aria-hidden="true">→</span><span className="visually-hidden"> {t('step.to')} </span> <LevelBadge level={step.toLevel} />
                </>
              ) : (
                <span className="muted">{levelMissing ? t('form.noLevel') : t('form.stepAfterCharacteristic')}</span>
              )}
            </p>
          </div>
        </div>
        <FormField id="exchange-format" label={labels.format} error={errorOf('format')}>
          {(props) => (
            <select {...props} {...form.register('format')}>
              <option value="">{t('form.chooseFormat')}</option>
              {FORMATS.map((format) => (
                <option key={format} value={format}>
                  {t(`formats.${format}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <SlotsFields idPrefix="exchange-new" />
        <FormField
          id="exchange-message"
          label={labels.message}
          hint={t('form.messageHint', { max: MAX_MESSAGE })}
          error={errorOf('message')}
        >
          {(props) => <textarea {...props} rows={6} maxLength={MAX_MESSAGE} {...form.register('message')} />}
        </FormField>
        <FormField id="exchange-caseStudyId" label={labels.caseStudyId} hint={t('form.caseStudyHint')} error={errorOf('caseStudyId')}>
          {(props) => (
            <select {...props} {...form.register('caseStudyId')}>
              <option value="">{t('form.noCaseStudy')}</option>
              {/* the case study the request started from is there from the start, so it stays chosen while the list loads */}
              {start.caseStudyId && (
                <option key="preset" value={start.caseStudyId}>
                  {(preset && pick(preset.title, i18n.language).text) || start.caseStudyId}
                </option>
              )}
              {studies
                .filter((study) => study.id !== start.caseStudyId)
                .map((study) => (
                  <option key={study.id} value={study.id}>
                    {pick(study.title, i18n.language).text || study.id}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('form.sending') : t('form.send')}
          </button>
          <Link className="button button--secondary" to="/my-city">
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

/** /exchanges/new: a city editor asks a peer for an exchange. */
export function NewExchangePage() {
  const { t } = useTranslation('exchanges');
  const session = useSession();
  const [params] = useSearchParams();
  const start = useMemo(() => requestStartFrom(params), [params]);
  const peer = useCity(start.peerCityId || undefined);
  // the characteristics are the form's options: they are there before it sets its starting values
  const reference = useReference();
  if (session.isLoading || reference.isPending) return <Loading />;
  return (
    <div className="exchange-new">
      <PageHeader title={t('form.title')}>
        <p>
          {peer.data ? (
            <>
              {t('form.introPeer')} <Localized text={peer.data.name} />
            </>
          ) : (
            t('form.intro')
          )}
        </p>
      </PageHeader>
      {peer.isError && <ErrorMessage error={peer.error} />}
      {session.cityId ? (
        <RequestFormView askingCityId={session.cityId} start={start} />
      ) : (
        <Empty>{t('form.noCity')}</Empty>
      )}
    </div>
  );
}
