import type { Schemas } from '../../../lib/api/client';

/*
 * The exchange API's types, written from the shared contract (/work/ex/contract.md, issue 14) while
 * the backend's OpenAPI document does not describe the exchange routes yet. Nothing else in the
 * feature declares an API type: when the routes are generated into schema.gen.ts, this file becomes
 * `export type Exchange = Schemas['Exchange']` and so on, and the rest stays as it is.
 */

export type Characteristic = Schemas['Step']['characteristic'];
export type MaturityLevel = Schemas['Step']['fromLevel'];

/** One step of the staircase: a characteristic climbed from one level to the next. */
export type ExchangeStep = { characteristic: Characteristic; fromLevel: MaturityLevel; toLevel: MaturityLevel };

export const FORMATS = ['CALL', 'WEBINAR', 'STUDY_VISIT', 'DOCUMENT_EXCHANGE', 'TWINNING'] as const;
export type ExchangeFormat = (typeof FORMATS)[number];

export const STATES = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'COMPLETED'] as const;
export type ExchangeState = (typeof STATES)[number];

export const ORIGIN_KINDS = ['MATCH', 'CASE_STUDY', 'CLUSTER'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];
export type ExchangeOrigin = { kind: OriginKind; id?: string };

/** A proposed or agreed time: ISO-8601 instants in UTC. */
export type Slot = { start: string; end: string };

export type ExpertInvite = {
  expertId: string;
  name: string;
  state: 'INVITED' | 'ACCEPTED' | 'DECLINED';
  invitedAt?: string;
  answeredAt?: string;
};

/** One side of an exchange: the city, its name per language and its IANA time zone. */
export type ExchangeSide = { cityId: string; name: Record<string, string | undefined>; timeZone: string };

export type ExchangeOutcome = { learnt: string; willAdopt: string; usefulness: number; recordedAt: string };

export const ACTIONS = [
  'ACCEPT',
  'DECLINE',
  'PROPOSE_DATES',
  'AGREE_DATE',
  'CANCEL',
  'INVITE_EXPERT',
  'ANSWER_INVITE',
  'POST_MESSAGE',
  'RECORD_OUTCOME',
  'MAKE_DRAFT',
] as const;
export type ExchangeAction = (typeof ACTIONS)[number];

export type Relation = 'ONE_STEP_AHEAD' | 'SAME_LEVEL' | 'CLUSTER_PEER';

export type Exchange = {
  id: string;
  version: number;
  state: ExchangeState;
  asking: ExchangeSide;
  peer: ExchangeSide;
  step: ExchangeStep;
  format: ExchangeFormat;
  origin: ExchangeOrigin;
  caseStudyId?: string;
  proposedSlots: Slot[];
  proposedBy?: 'ASKING' | 'PEER';
  agreedSlot?: Slot;
  declineReason?: string;
  experts: ExpertInvite[];
  outcome?: ExchangeOutcome;
  caseStudyDraftId?: string;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
  relation: Relation;
  /** What the caller may do now; the UI offers exactly these. */
  canAct: ExchangeAction[];
  /** When the peer first answered (accepted, declined or proposed dates). */
  answeredAt?: string;
  /** Completed, and the asking city has since climbed the step. */
  credited?: boolean;
};

export type ExchangeMessage = {
  id: string;
  seq: number;
  authorName: string;
  authorCityId?: string;
  authorRole: 'CITY' | 'EXPERT' | 'CURATOR';
  text: string;
  createdAt: string;
};

export type PageOf<T> = { items: T[]; total: number; page: number; size: number };
export type ExchangePage = PageOf<Exchange>;
export type MessagePage = PageOf<ExchangeMessage>;

export type ExchangeRequest = {
  askingCityId: string;
  peerCityId: string;
  step: ExchangeStep;
  format: ExchangeFormat;
  origin: ExchangeOrigin;
  caseStudyId?: string;
  proposedSlots?: Slot[];
  message: string;
};

export type OutcomeInput = { version: number; learnt: string; willAdopt: string; usefulness: number };

export type CaseStudyDraft = { caseStudyId: string };

/** The exchanges a roadmap step counts, when the roadmap carries them. */
export type StepExchanges = { done: number; planned: number };

/** GET /api/v1/exchanges/stats (curators, admins). */
export type ExchangeStats = {
  byStep: { step: ExchangeStep; count: number }[];
  byFormat: Partial<Record<ExchangeFormat, number>>;
  byState: Partial<Record<ExchangeState, number>>;
  /** Hours from a request to the peer's first answer; absent while nothing was answered. */
  responseTimeHours: { p50?: number | null; p90?: number | null; answers?: number };
  /** Completed exchanges per usefulness score, "1" to "5". */
  usefulness: Record<string, number>;
};
