import { z } from 'zod';
import type { City } from '../../lib/city/city';
import { blank, FORM_MESSAGES, typedNumber } from '../../lib/forms/messages';
import type { CityInput } from './api/update-city';

/** One KPI while editing: the indicator it measures (kept as read), and the typed value, year and source. */
export type KpiDraft = { indicatorCode?: string; name: Record<string, string>; value: string; unit: string; year: string; source: string };

/** What the profile and KPI editor holds while editing: texts as typed, turned into the API body on save. */
export type CityDraft = {
  nameEn: string;
  nameZh: string;
  region: City['region'];
  country: string;
  population: string;
  areaKm2: string;
  visionEn: string;
  visionZh: string;
  kpis: KpiDraft[];
};

export const REGIONS = ['EU', 'CHINA', 'OTHER'] as const;

export function draftOf(city: City): CityDraft {
  return {
    nameEn: city.name.en ?? '',
    nameZh: city.name.zh ?? '',
    region: city.region,
    country: city.country,
    population: city.population?.toString() ?? '',
    areaKm2: city.areaKm2?.toString() ?? '',
    visionEn: city.vision.en ?? '',
    visionZh: city.vision.zh ?? '',
    kpis: city.kpis.map((kpi) => ({
      indicatorCode: kpi.indicatorCode,
      name: Object.fromEntries(Object.entries(kpi.name).filter((entry): entry is [string, string] => Boolean(entry[1]))),
      value: String(kpi.value),
      unit: kpi.unit,
      year: String(kpi.year),
      source: kpi.source ?? '',
    })),
  };
}

const optionalNumber = (whole: boolean) =>
  z.string().refine((value) => {
    if (blank(value)) return true;
    const number = typedNumber(value);
    return whole ? Number.isInteger(number) && number >= 0 : Number.isFinite(number);
  }, whole ? FORM_MESSAGES.wholeNumber : FORM_MESSAGES.number);

/**
 * Checked before sending; the ranges of each indicator and everything else are the API's to check
 * (its messages name the indicator). Messages are the shared codes of `lib/forms/messages`.
 */
export const cityDraftSchema = z
  .object({
    nameEn: z.string(),
    nameZh: z.string(),
    region: z.enum(REGIONS),
    country: z.string(),
    population: optionalNumber(true),
    areaKm2: optionalNumber(false),
    visionEn: z.string(),
    visionZh: z.string(),
    kpis: z.array(
      z.object({
        indicatorCode: z.string().optional(),
        name: z.record(z.string(), z.string()),
        value: z.string().refine((value) => !blank(value) && Number.isFinite(typedNumber(value)), FORM_MESSAGES.number),
        unit: z.string(),
        year: z.string().refine((value) => /^\d{4}$/.test(value.trim()), FORM_MESSAGES.year),
        source: z.string(),
      }),
    ),
  })
  .superRefine((draft, context) => {
    if (blank(draft.nameEn) && blank(draft.nameZh)) context.addIssue({ code: 'custom', path: ['nameEn'], message: FORM_MESSAGES.eitherLanguage });
  });

/** The API field a form path stands for, as the API names it in its errors: "kpis.0.value" → "kpis[0].value", "nameEn" → "name". */
export function apiFieldOf(path: string): string {
  const kpi = /^kpis\.(\d+)\.(\w+)/.exec(path);
  if (kpi) return `kpis[${kpi[1]}].${kpi[2]}`;
  return path.replace(/(En|Zh)$/, '');
}

function withText(base: Record<string, string | undefined>, en: string, zh: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, en: en.trim(), zh: zh.trim() })) {
    if (value) result[key] = value;
  }
  return result;
}

const numberOrUndefined = (text: string) => (blank(text) ? undefined : typedNumber(text));

/** The request body: the city as read (with its version), changed by the draft. */
export function bodyOf(city: City, draft: CityDraft): CityInput {
  return {
    ...city,
    version: city.version,
    name: withText(city.name, draft.nameEn, draft.nameZh),
    region: draft.region || city.region,
    country: (draft.country ?? city.country).trim().toUpperCase(),
    population: numberOrUndefined(draft.population),
    areaKm2: numberOrUndefined(draft.areaKm2),
    vision: withText(city.vision, draft.visionEn, draft.visionZh),
    kpis: draft.kpis.map((kpi) => ({
      indicatorCode: kpi.indicatorCode,
      name: kpi.name,
      value: typedNumber(kpi.value),
      unit: kpi.unit,
      year: Number(kpi.year.trim()),
      source: kpi.source.trim() || undefined,
    })),
  } as CityInput;
}
