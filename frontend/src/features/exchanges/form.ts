import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FORM_MESSAGES, useFormMessage } from '../../lib/forms/messages';
import { LEVELS, nextLevel } from '../../lib/reference/reference';
import {
  type Characteristic,
  type ExchangeFormat,
  type ExchangeRequest,
  type ExchangeStep,
  FORMATS,
  type MaturityLevel,
  type OriginKind,
  ORIGIN_KINDS,
  type Slot,
} from './api/types';
import { toInstant } from './time';

/** The exchange forms' own message codes (translated under exchanges:form.errors), beside the shared ones. */
export const EXCHANGE_MESSAGES = { endAfterStart: 'endAfterStart', maxSlots: 'maxSlots', oneSlot: 'oneSlot', usefulness: 'usefulness', noLevel: 'noLevel' } as const;

export const MAX_SLOTS = 5;
export const MAX_MESSAGE = 4000;
export const MAX_REASON = 1000;

/** Translates a message code of these forms or of the shared ones. */
export function useExchangeFormMessage() {
  const { t } = useTranslation('exchanges');
  const shared = useFormMessage();
  return useCallback(
    (message: string | undefined) => (message && message in EXCHANGE_MESSAGES ? t(`form.errors.${message}`) : shared(message)),
    [t, shared],
  );
}

/** A slot as typed: two `datetime-local` values in the browser's zone. */
export type SlotInput = { start: string; end: string };

export const slotSchema = z
  .object({ start: z.string().min(1, FORM_MESSAGES.required), end: z.string().min(1, FORM_MESSAGES.required) })
  .superRefine((slot, context) => {
    const start = toInstant(slot.start);
    const end = toInstant(slot.end);
    if (start && end && end <= start) context.addIssue({ code: 'custom', path: ['end'], message: EXCHANGE_MESSAGES.endAfterStart });
  });

export const slotsSchema = z.array(slotSchema).max(MAX_SLOTS, EXCHANGE_MESSAGES.maxSlots);

export function toSlots(inputs: SlotInput[]): Slot[] {
  return inputs.map((slot) => ({ start: toInstant(slot.start), end: toInstant(slot.end) }));
}

/** The request form as its inputs hold it. */
export type RequestForm = {
  peerCityId: string;
  characteristic: string;
  format: string;
  slots: SlotInput[];
  message: string;
  caseStudyId: string;
};

export const requestSchema = z.object({
  peerCityId: z.string().min(1, FORM_MESSAGES.required),
  characteristic: z.string().min(1, FORM_MESSAGES.required),
  format: z.string().refine((value) => (FORMATS as readonly string[]).includes(value), FORM_MESSAGES.required),
  slots: slotsSchema,
  message: z.string().trim().min(1, FORM_MESSAGES.required).max(MAX_MESSAGE, FORM_MESSAGES.tooLong),
  caseStudyId: z.string(),
});

/** Where the request started, from the address: /exchanges/new?peer=…&characteristic=…&origin=…&originId=…&caseStudy=… */
export type RequestStart = {
  peerCityId: string;
  characteristic: string;
  origin: OriginKind;
  originId?: string;
  caseStudyId: string;
};

export function requestStartFrom(params: URLSearchParams): RequestStart {
  const origin = params.get('origin') ?? '';
  return {
    peerCityId: params.get('peer') ?? '',
    characteristic: params.get('characteristic') ?? '',
    origin: (ORIGIN_KINDS as readonly string[]).includes(origin) ? (origin as OriginKind) : 'MATCH',
    originId: params.get('originId') || undefined,
    caseStudyId: params.get('caseStudy') ?? '',
  };
}

/** The address of the request form, for the links that start one (matches, case studies, clusters). */
export function requestPath(start: Partial<RequestStart>): string {
  const params = new URLSearchParams();
  if (start.peerCityId) params.set('peer', start.peerCityId);
  if (start.characteristic) params.set('characteristic', start.characteristic);
  if (start.origin) params.set('origin', start.origin);
  if (start.originId) params.set('originId', start.originId);
  if (start.caseStudyId) params.set('caseStudy', start.caseStudyId);
  return `/exchanges/new?${params.toString()}`;
}

/**
 * The step asked about: from the asking city's level in the characteristic to the next one (the
 * same level at state of the art, where only peers at that level can teach); undefined while the
 * city has no validated level there.
 */
export function stepFor(characteristic: string, level: string | undefined): ExchangeStep | undefined {
  if (!characteristic || !level || !(LEVELS as readonly string[]).includes(level)) return undefined;
  const to = nextLevel(level) ?? level;
  return { characteristic: characteristic as Characteristic, fromLevel: level as MaturityLevel, toLevel: to as MaturityLevel };
}

export function toExchangeRequest(form: RequestForm, askingCityId: string, step: ExchangeStep, start: RequestStart): ExchangeRequest {
  const slots = toSlots(form.slots);
  return {
    askingCityId,
    peerCityId: form.peerCityId,
    step,
    format: form.format as ExchangeFormat,
    origin: start.originId ? { kind: start.origin, id: start.originId } : { kind: start.origin },
    caseStudyId: form.caseStudyId || undefined,
    proposedSlots: slots.length > 0 ? slots : undefined,
    message: form.message.trim(),
  };
}

/** The outcome form: what was learnt, what the city will adopt, and how useful it was (1–5). */
export type OutcomeForm = { learnt: string; willAdopt: string; usefulness: string };

export const outcomeSchema = z.object({
  learnt: z.string().trim().min(1, FORM_MESSAGES.required).max(MAX_MESSAGE, FORM_MESSAGES.tooLong),
  willAdopt: z.string().trim().min(1, FORM_MESSAGES.required).max(MAX_MESSAGE, FORM_MESSAGES.tooLong),
  usefulness: z.string().refine((value) => ['1', '2', '3', '4', '5'].includes(value), EXCHANGE_MESSAGES.usefulness),
});
