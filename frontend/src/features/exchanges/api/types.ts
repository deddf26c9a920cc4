import type { paths, Schemas } from '../../../lib/api/client';

/*
 * The exchange API's types, from the backend's OpenAPI document (generated into schema.gen.ts by
 * `npm run generate:api`). The rest of the feature takes its types from here.
 */

export type ExchangeStep = Schemas['ExchangeStep'];
export type Characteristic = ExchangeStep['characteristic'];
export type MaturityLevel = ExchangeStep['fromLevel'];

export type Exchange = Schemas['Exchange'];
export type ExchangeFormat = Exchange['format'];
export type ExchangeState = Exchange['state'];
export type OriginKind = Schemas['ExchangeOrigin']['kind'];
export type ExchangeOrigin = Schemas['ExchangeOrigin'];
export type Slot = Schemas['ExchangeSlot'];
export type ExpertInvite = Schemas['ExchangeExpertInvite'];
export type ExchangeSide = Schemas['ExchangeSide'];
export type ExchangeOutcome = Schemas['ExchangeOutcome'];
export type ExchangeAction = Exchange['canAct'][number];
export type Relation = Exchange['relation'];
export type ExchangeMessage = Schemas['ExchangeMessage'];

export const FORMATS = ['CALL', 'WEBINAR', 'STUDY_VISIT', 'DOCUMENT_EXCHANGE', 'TWINNING'] as const satisfies readonly ExchangeFormat[];
export const STATES = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'COMPLETED'] as const satisfies readonly ExchangeState[];
export const ORIGIN_KINDS = ['MATCH', 'CASE_STUDY', 'CLUSTER'] as const satisfies readonly OriginKind[];

export type ExchangePage = paths['/api/v1/exchanges']['get']['responses'][200]['content']['application/json'];
export type MessagePage = paths['/api/v1/exchanges/{id}/messages']['get']['responses'][200]['content']['application/json'];

export type ExchangeRequest = Schemas['ExchangeRequestInput'];
export type OutcomeInput = Schemas['ExchangeOutcomeInput'];
export type CaseStudyDraft = Schemas['ExchangeCaseStudyDraft'];
export type ExchangeStats = Schemas['ExchangeStats'];

/** The exchanges a roadmap step counts. */
export type StepExchanges = Schemas['RoadmapExchanges'];
