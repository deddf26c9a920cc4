import { http, HttpResponse } from 'msw';
import type { Schemas } from '../../../lib/api/client';
import { server } from '../../../testing/server';
import { characteristicEntry } from '../../../testing/reference';
import type { Exchange, ExchangeMessage } from '../api/types';

/** Test data for the exchanges feature: Chengdu asks Amsterdam about Funding, Average → More advanced. */

const characteristic = characteristicEntry;

export const reference: Schemas['ReferenceData'] = {
  characteristics: [
    characteristic('STRATEGY', 1, 'Smart City Strategy', '智慧城市战略'),
    characteristic('FUNDING', 4, 'Funding', '资金保障'),
    characteristic('SERVICES', 8, 'Services', '服务'),
    characteristic('LEGAL_REGULATORY', 9, 'Legal and Regulatory Policies', '法律与监管政策', false),
  ],
  levels: [],
  serviceDomains: [],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {} as Schemas['Source'],
};

export function city(id: string, en: string, zh: string, levels: Record<string, string>): Schemas['City'] {
  return {
    id,
    version: 1,
    name: { en, zh },
    country: id === 'amsterdam' ? 'NL' : 'CN',
    region: id === 'amsterdam' ? 'EU' : 'CHINA',
    languages: [],
    vision: {},
    interests: [],
    contacts: [],
    kpis: [],
    demo: true,
    levels: levels as Schemas['City']['levels'],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  } as Schemas['City'];
}

export const chengdu = city('chengdu', 'Chengdu', '成都', { STRATEGY: 'MORE_ADVANCED', FUNDING: 'AVERAGE', SERVICES: 'AVERAGE' });
export const amsterdam = city('amsterdam', 'Amsterdam', '阿姆斯特丹', {
  STRATEGY: 'MORE_ADVANCED',
  FUNDING: 'MORE_ADVANCED',
  SERVICES: 'STATE_OF_THE_ART',
});

/** 09:00 to 10:30 UTC on 8 December 2026: 10:00 in Amsterdam, 17:00 in Chengdu. */
export const slot = { start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:30:00Z' };
export const otherSlot = { start: '2026-12-10T08:00:00Z', end: '2026-12-10T09:00:00Z' };

export function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    id: 'ex-1',
    version: 3,
    state: 'REQUESTED',
    asking: { cityId: 'chengdu', name: { en: 'Chengdu', zh: '成都' }, timeZone: 'Asia/Shanghai' },
    peer: { cityId: 'amsterdam', name: { en: 'Amsterdam', zh: '阿姆斯特丹' }, timeZone: 'Europe/Amsterdam' },
    step: { characteristic: 'FUNDING', fromLevel: 'AVERAGE', toLevel: 'MORE_ADVANCED' },
    format: 'CALL',
    origin: { kind: 'MATCH' },
    proposedSlots: [slot, otherSlot],
    proposedBy: 'ASKING',
    experts: [],
    messageCount: 1,
    createdAt: '2026-12-01T08:00:00Z',
    updatedAt: '2026-12-01T08:00:00Z',
    relation: 'ONE_STEP_AHEAD',
    credited: false,
    canAct: [],
    ...overrides,
  };
}

export function message(overrides: Partial<ExchangeMessage> = {}): ExchangeMessage {
  return {
    id: 'm-1',
    seq: 1,
    authorName: 'editor.chengdu',
    authorCityId: 'chengdu',
    authorRole: 'CITY',
    text: 'How did you fund the smart grid?',
    createdAt: '2026-12-01T08:00:00Z',
    ...overrides,
  };
}

export function problem(status: number, body: object) {
  return HttpResponse.json({ status, title: 'Problem', ...body }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}

export const chengduEditor = { username: 'editor.chengdu' };
export const amsterdamEditor = { username: 'editor.amsterdam' };

/** The answers every exchange page needs: who is signed in, the framework and the two cities. */
export function serveBasics(me: { username: string; roles: string[]; cityId?: string; expertId?: string }) {
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json(me)),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/cities/chengdu', () => HttpResponse.json(chengdu)),
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json(amsterdam)),
    http.get('*/api/v1/cities', ({ request }) => {
      const ids = new URL(request.url).searchParams.getAll('ids').flatMap((value) => value.split(','));
      const items = [chengdu, amsterdam].filter((entry) => ids.includes(entry.id));
      return HttpResponse.json({ items, page: 0, size: 100, total: items.length });
    }),
  );
}
