import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormField } from '../../../components/ui/form-field';
import { FORM_MESSAGES } from '../../../lib/forms/messages';
import { type ExchangeChange, useChangeExchange } from '../api/change-exchange';
import type { Exchange, ExchangeAction, Slot } from '../api/types';
import { EXCHANGE_MESSAGES, MAX_REASON, type SlotInput, slotsSchema, toSlots, useExchangeFormMessage } from '../form';
import { browserTimeZone, formatSlot } from '../time';
import { ExchangeProblem } from './ExchangeProblem';
import { SlotsFields } from './SlotsFields';

type Panel = 'accept' | 'decline' | 'dates' | 'agree' | 'cancel';
/** What a finished change announces: a key, translated when shown, so it follows a language switch. */
type Done = Panel;
type Run = (change: ExchangeChange, done: Done) => void;

/** Radio buttons for one of the proposed slots, each in the reader's own time zone. */
function SlotChoice({
  slots,
  legend,
  register,
  allowNone,
  error,
}: {
  slots: Slot[];
  legend: string;
  register: UseFormRegister<{ slot: string }>;
  allowNone?: boolean;
  error?: string;
}) {
  const { t, i18n } = useTranslation('exchanges');
  const zone = browserTimeZone();
  return (
    <fieldset className="exchange-choice">
      <legend>{legend}</legend>
      <p className="field__hint">{t('slots.shownIn', { zone })}</p>
      {slots.map((slot, index) => (
        <label key={`${slot.start}-${slot.end}`} className="checkbox">
          <input type="radio" value={String(index)} {...register('slot')} />
          {formatSlot(slot, i18n.language, zone)}
        </label>
      ))}
      {allowNone && (
        <label className="checkbox">
          <input type="radio" value="" {...register('slot')} />
          {t('actions.noSlotYet')}
        </label>
      )}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}

/** A panel's submit button and the way back, alike in every form panel. */
function PanelButtons({ confirm, danger = false, busy, onClose }: { confirm: string; danger?: boolean; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation('exchanges');
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={busy}>
        {confirm}
      </button>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('actions.back')}
      </button>
    </div>
  );
}

function AcceptPanel({ exchange, run, busy, onClose }: { exchange: Exchange; run: Run; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation('exchanges');
  const form = useForm<{ slot: string }>({ defaultValues: { slot: exchange.proposedSlots.length > 0 ? '0' : '' } });
  const submit = form.handleSubmit(({ slot }) => {
    const chosen = slot === '' ? undefined : exchange.proposedSlots[Number(slot)];
    run({ kind: 'accept', slot: chosen }, 'accept');
  });
  return (
    <form className="exchange-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="exchange-accept-title">
      <h3 id="exchange-accept-title">{t('actions.acceptTitle')}</h3>
      {exchange.proposedSlots.length > 0 && (
        <SlotChoice slots={exchange.proposedSlots} legend={t('actions.acceptSlot')} register={form.register} allowNone />
      )}
      <PanelButtons confirm={t('actions.confirmAccept')} busy={busy} onClose={onClose} />
    </form>
  );
}

const agreeSchema = z.object({ slot: z.string().min(1, FORM_MESSAGES.required) });

function AgreePanel({ exchange, run, busy, onClose }: { exchange: Exchange; run: Run; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation('exchanges');
  const message = useExchangeFormMessage();
  const form = useForm<{ slot: string }>({ defaultValues: { slot: '' }, resolver: zodResolver(agreeSchema) });
  const submit = form.handleSubmit(({ slot }) => {
    const chosen = exchange.proposedSlots[Number(slot)];
    if (chosen) run({ kind: 'agree', slot: chosen }, 'agree');
  });
  return (
    <form className="exchange-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="exchange-agree-title">
      <h3 id="exchange-agree-title">{t('actions.agreeTitle')}</h3>
      <SlotChoice
        slots={exchange.proposedSlots}
        legend={t('actions.agreeSlot')}
        register={form.register}
        error={form.formState.errors.slot?.message ? message(form.formState.errors.slot.message) : undefined}
      />
      <PanelButtons confirm={t('actions.confirmAgree')} busy={busy} onClose={onClose} />
    </form>
  );
}

const declineSchema = z.object({
  reason: z.string().trim().min(1, FORM_MESSAGES.required).max(MAX_REASON, FORM_MESSAGES.tooLong),
});

function DeclinePanel({ run, busy, onClose }: { run: Run; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation('exchanges');
  const message = useExchangeFormMessage();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' }, resolver: zodResolver(declineSchema) });
  const submit = form.handleSubmit(({ reason }) => run({ kind: 'decline', reason: reason.trim() }, 'decline'));
  const error = form.formState.errors.reason?.message;
  return (
    <form className="exchange-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="exchange-decline-title">
      <h3 id="exchange-decline-title">{t('actions.declineTitle')}</h3>
      <FormField id="exchange-decline-reason" label={t('actions.reason')} hint={t('actions.reasonHint')} error={error ? message(error) : undefined}>
        {(props) => <textarea {...props} rows={3} maxLength={MAX_REASON} {...form.register('reason')} />}
      </FormField>
      <PanelButtons confirm={t('actions.confirmDecline')} danger busy={busy} onClose={onClose} />
    </form>
  );
}

const datesSchema = z.object({ slots: slotsSchema.min(1, EXCHANGE_MESSAGES.oneSlot) });

function DatesPanel({ run, busy, onClose }: { run: Run; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation('exchanges');
  const form = useForm<{ slots: SlotInput[] }>({ defaultValues: { slots: [{ start: '', end: '' }] }, resolver: zodResolver(datesSchema) });
  const submit = form.handleSubmit(({ slots }) => run({ kind: 'dates', slots: toSlots(slots) }, 'dates'));
  return (
    <FormProvider {...form}>
      <form className="exchange-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="exchange-dates-title">
        <h3 id="exchange-dates-title">{t('actions.datesTitle')}</h3>
        <SlotsFields idPrefix="exchange-dates" minimum={1} />
        <PanelButtons confirm={t('actions.confirmDates')} busy={busy} onClose={onClose} />
      </form>
    </FormProvider>
  );
}

function CancelPanel({ run, busy, onClose }: { run: Run; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation('exchanges');
  const confirm = useRef<HTMLButtonElement>(null);
  // the question takes focus, so keyboard and screen-reader users meet it
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="exchange-panel confirm" role="group" aria-labelledby="exchange-cancel-text">
      <p id="exchange-cancel-text">{t('actions.cancelConfirm')}</p>
      <div className="actions">
        <button ref={confirm} type="button" className="button button--danger" disabled={busy} onClick={() => run({ kind: 'cancel' }, 'cancel')}>
          {t('actions.confirmCancel')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('actions.back')}
        </button>
      </div>
    </div>
  );
}

/**
 * What the reader may do with the exchange now, exactly as the API's `canAct` says: accept, decline
 * with a reason, propose other dates, agree on one of the proposed dates, cancel. Each opens a
 * small form; the result is announced, a refusal explained.
 */
export function ExchangeActions({ exchange, onReload }: { exchange: Exchange; onReload: () => void }) {
  const { t } = useTranslation('exchanges');
  const change = useChangeExchange(exchange.id);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [announcement, setAnnouncement] = useState<Done | null>(null);
  const [error, setError] = useState<unknown>(null);
  const can = (action: ExchangeAction) => exchange.canAct.includes(action);
  const offered: { panel: Panel; action: ExchangeAction; label: string; style: string }[] = [
    { panel: 'accept', action: 'ACCEPT', label: t('actions.accept'), style: 'button' },
    { panel: 'agree', action: 'AGREE_DATE', label: t('actions.agree'), style: 'button' },
    { panel: 'dates', action: 'PROPOSE_DATES', label: t('actions.dates'), style: 'button button--secondary' },
    { panel: 'decline', action: 'DECLINE', label: t('actions.decline'), style: 'button button--secondary' },
    { panel: 'cancel', action: 'CANCEL', label: t('actions.cancel'), style: 'button button--danger' },
  ];
  // accepting at one of the proposed dates is agreeing to it: while the peer may accept, one button does both
  const available = offered.filter(
    (entry) => can(entry.action) && (entry.panel !== 'agree' || (exchange.proposedSlots.length > 0 && !can('ACCEPT'))),
  );
  if (available.length === 0 && !announcement && error === null) return null;

  const run: Run = (next, done) => {
    setError(null);
    setAnnouncement(null);
    change.mutate(
      { exchange, change: next },
      {
        onSuccess: () => {
          setPanel(null);
          setAnnouncement(done);
        },
        onError: (failure) => setError(failure),
      },
    );
  };
  const close = () => setPanel(null);
  const open = (next: Panel) => {
    setPanel(next);
    setError(null);
    setAnnouncement(null);
  };
  const busy = change.isPending;

  return (
    <section className="card" aria-labelledby="exchange-actions">
      <h2 id="exchange-actions">{t('actions.heading')}</h2>
      {available.length > 0 && (
        <div className="actions">
          {available.map((entry) => (
            <button
              key={entry.panel}
              type="button"
              className={entry.style}
              aria-expanded={panel === entry.panel}
              disabled={busy}
              onClick={() => (panel === entry.panel ? close() : open(entry.panel))}
            >
              {entry.label}
            </button>
          ))}
        </div>
      )}
      {panel === 'accept' && <AcceptPanel exchange={exchange} run={run} busy={busy} onClose={close} />}
      {panel === 'agree' && <AgreePanel exchange={exchange} run={run} busy={busy} onClose={close} />}
      {panel === 'decline' && <DeclinePanel run={run} busy={busy} onClose={close} />}
      {panel === 'dates' && <DatesPanel run={run} busy={busy} onClose={close} />}
      {panel === 'cancel' && <CancelPanel run={run} busy={busy} onClose={close} />}
      <div role="status" aria-live="polite">
        {announcement && <p className="status status--ok">{t(`actions.done.${announcement}`)}</p>}
      </div>
      {error !== null && <ExchangeProblem error={error} onReload={onReload} />}
    </section>
  );
}
