import { http, HttpResponse } from 'msw';
import { server } from '../../../testing/server';

export const reference = {
  characteristics: [
    { code: 'STRATEGY', number: 1, name: { en: 'Strategy', zh: '战略' }, description: {}, rated: true, citation: {}, questions: [], criteria: [] },
    { code: 'FUNDING', number: 4, name: { en: 'Funding', zh: '资金' }, description: {}, rated: true, citation: {}, questions: [], criteria: [] },
  ],
  levels: [],
  serviceDomains: [],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

export const amsterdam = {
  id: 'amsterdam',
  version: 3,
  name: { en: 'Amsterdam', zh: '阿姆斯特丹' },
  country: 'NL',
  region: 'EU',
  population: 918000,
  languages: ['nl', 'en'],
  vision: { en: 'A liveable city.' },
  interests: [],
  contacts: [],
  kpis: [{ indicatorCode: 'ISO 37120:2014 8.1', name: { en: 'PM2.5', zh: '细颗粒物' }, value: 11.5, unit: 'µg/m³', year: 2023 }],
  demo: true,
  levels: { STRATEGY: 'AVERAGE', FUNDING: 'BASIC' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

export const indicators = {
  items: [
    {
      code: 'ISO 37120:2014 8.1',
      standard: 'ISO_37120',
      number: '8.1',
      theme: 'ENVIRONMENT',
      title: { en: 'Fine particulate matter (PM2.5) concentration', zh: '细颗粒物（PM2.5）浓度' },
      unit: 'µg/m³',
      compatibleUnits: [],
      min: 0,
      max: 1000,
      source: 'iso-37120-2014',
      numberConfirmed: false,
    },
    {
      code: 'ISO 37120:2014 18.7',
      standard: 'ISO_37120',
      number: '18.7',
      theme: 'TRANSPORTATION',
      title: { en: 'Kilometres of bicycle paths and lanes per 100 000 population', zh: '每10万人口自行车道里程（公里）' },
      unit: 'km per 100 000 population',
      compatibleUnits: [],
      min: 0,
      source: 'iso-37120-2014',
      numberConfirmed: false,
    },
    {
      code: 'U4SSC EC:ICT:ICT:1C',
      standard: 'U4SSC',
      number: 'EC:ICT:ICT:1C',
      theme: 'ECONOMY',
      title: { en: 'Household Internet access', zh: '家庭互联网接入率' },
      unit: '%',
      compatibleUnits: ['percent'],
      min: 0,
      max: 100,
      source: 'u4ssc-2017',
      numberConfirmed: true,
    },
  ],
  page: 0,
  size: 100,
  total: 3,
};

export function me(cityId: string | undefined, roles: string[] = ['city-editor']) {
  server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'someone', roles, cityId })));
}

export function problem(status: number, type: string, detail: string, errors: unknown[] = []) {
  return HttpResponse.json(
    { type, title: 'x', status, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
