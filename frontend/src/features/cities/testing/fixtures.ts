import { http, HttpResponse } from 'msw';
import type { Schemas } from '../../../lib/api/client';
import { server } from '../../../testing/server';
import { characteristicEntry } from '../../../testing/reference';

/** Test data for the cities feature's tests: a slice of the real framework and demo cities. */
const citation = { section: '§4', page: 10 };

const characteristic = characteristicEntry;

export const reference: Schemas['ReferenceData'] = {
  characteristics: [
    characteristic('STRATEGY', 1, 'Smart City Strategy', '智慧城市战略'),
    characteristic('STAKEHOLDERS', 2, 'Stakeholders', '利益相关方'),
    characteristic('FUNDING', 4, 'Funding', '资金保障'),
    characteristic('LEGAL_REGULATORY', 9, 'Legal and Regulatory Policies', '法律与监管政策', false),
  ],
  levels: [],
  serviceDomains: [
    { code: 'OPEN_DATA', name: { en: 'Open data', zh: '开放数据' }, citation },
    { code: 'TRANSPORTATION', name: { en: 'Transportation', zh: '交通' }, citation },
  ],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {} as Schemas['Source'],
};

export function city(overrides: Partial<Schemas['City']> = {}): Schemas['City'] {
  return {
    id: 'amsterdam',
    version: 1,
    name: { en: 'Amsterdam', zh: '阿姆斯特丹', nl: 'Amsterdam' },
    country: 'NL',
    region: 'EU',
    population: 811000,
    administrativeLevel: 'MUNICIPALITY',
    languages: ['nl', 'en'],
    vision: { en: 'A sustainable, liveable metropolis.', zh: '可持续、宜居的国际都市。' },
    interests: ['OPEN_DATA', 'TRANSPORTATION'],
    contacts: [{ name: 'Smart City Office', role: { en: 'Programme office', zh: '项目办公室' }, email: 'smartcity@amsterdam.example' }],
    kpis: [{ name: { en: 'Households with Internet access', zh: '家庭互联网接入率' }, value: 96, unit: '%', year: 2013, source: 'demo estimate' }],
    demo: true,
    levels: { STRATEGY: 'MORE_ADVANCED', STAKEHOLDERS: 'STATE_OF_THE_ART', FUNDING: 'NOT_ASSESSED' },
    assessedAt: '2014-03-15',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function peer(overrides: Partial<Schemas['PeerMatch']> = {}): Schemas['PeerMatch'] {
  return {
    cityId: 'barcelona',
    name: { en: 'Barcelona', zh: '巴塞罗那' },
    country: 'ES',
    region: 'EU',
    level: 'STATE_OF_THE_ART',
    relation: 'ONE_STEP_AHEAD',
    score: 0.462,
    factors: { context: 0.75, interests: 0.29, projects: 0, balance: 1, evidence: 0.33, responsiveness: 0.5 },
    reasons: [
      { en: 'One step ahead of you in Smart City Strategy.', zh: '在智慧城市战略方面领先贵市一级。' },
      { en: 'Similar in size.', zh: '规模相近。' },
    ],
    caseStudies: [
      {
        id: 'barcelona-park-irrigation-sensors',
        title: { en: "Soil-moisture sensors in Barcelona's parks", zh: '巴塞罗那公园土壤湿度传感器' },
        step: { characteristic: 'STRATEGY', fromLevel: 'MORE_ADVANCED', toLevel: 'STATE_OF_THE_ART' },
        bestPractice: false,
      },
    ],
    experts: [{ id: 'lars-nielsen', name: 'Lars Nielsen', languages: ['en'], country: 'DK' }],
    ...overrides,
  };
}

export const roadmap: Schemas['Roadmap'] = {
  cityId: 'amsterdam',
  peers: 'AVAILABLE',
  assessedAt: '2014-03-15',
  median: 3,
  steps: [
    {
      characteristic: 'STRATEGY',
      level: 'MORE_ADVANCED',
      nextLevel: 'STATE_OF_THE_ART',
      missingCriteria: [
        {
          code: 'STRATEGY.STATE_OF_THE_ART.2',
          text: { en: 'ICT plans ensure major technology trends are included in city planning', zh: '信息通信技术规划确保将重大技术趋势纳入城市规划' },
        },
      ],
      balance: 'LAGGING',
      assessmentNeeded: false,
      matches: [peer()],
      experts: [],
      exchanges: { done: 0, planned: 0 },
    },
    {
      characteristic: 'STAKEHOLDERS',
      level: 'STATE_OF_THE_ART',
      missingCriteria: [],
      balance: 'BALANCED',
      assessmentNeeded: false,
      matches: [],
      experts: [],
      exchanges: { done: 0, planned: 0 },
    },
    {
      characteristic: 'FUNDING',
      level: 'NOT_ASSESSED',
      missingCriteria: [],
      assessmentNeeded: true,
      matches: [],
      experts: [],
      exchanges: { done: 0, planned: 0 },
    },
  ],
};

export const problem = (status: number, detail: string, title = 'Problem') =>
  HttpResponse.json(
    { type: 'urn:citystep:problem:test', title, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** Answers the reference data and /me (for the signed-in user, if any). */
export function answerCommon(me?: Schemas['Me']) {
  server.use(
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/me', () => (me ? HttpResponse.json(me) : problem(401, 'Sign in'))),
  );
}
