import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { contentKey } from '../i18n/i18n';
import { formatNumber } from './names';

/**
 * The unit words cities and case studies write (free text, in English, compared in lower case),
 * each with its label under common:units.words. A unit made of known words, numbers, "million" and
 * "per" is shown in the UI language ("t CO2e per capita" → "吨二氧化碳当量/人"); any other unit is
 * shown as written.
 */
const WORDS: Record<string, string> = {
  '%': 'percent',
  min: 'min',
  minutes: 'minutes',
  hours: 'hours',
  day: 'day',
  days: 'days',
  'working days': 'workingDays',
  week: 'week',
  month: 'month',
  year: 'year',
  'school year': 'schoolYear',
  capita: 'capita',
  household: 'household',
  population: 'population',
  patients: 'patients',
  hectare: 'hectare',
  mw: 'mw',
  kwh: 'kwh',
  gwh: 'gwh',
  t: 't',
  tonnes: 'tonnes',
  't co2': 'tCo2',
  't co2e': 'tCo2e',
  'µg/m³': 'microgramsPerCubicMetre',
  'μg/m³': 'microgramsPerCubicMetre',
  'ug/m3': 'microgramsPerCubicMetre',
  m2: 'squareMetres',
  'm²': 'squareMetres',
  m3: 'cubicMetres',
  'm³': 'cubicMetres',
  km: 'km',
  cm: 'cm',
  litres: 'litres',
  eur: 'eur',
  cny: 'cny',
  teu: 'teu',
  admissions: 'admissions',
  applications: 'applications',
  apps: 'apps',
  calls: 'calls',
  complaints: 'complaints',
  consultations: 'consultations',
  datasets: 'datasets',
  documents: 'documents',
  enterprises: 'enterprises',
  leaks: 'leaks',
  lessons: 'lessons',
  'monitoring points': 'monitoringPoints',
  parcels: 'parcels',
  people: 'people',
  reports: 'reports',
  requests: 'requests',
  spaces: 'spaces',
  stations: 'stations',
  subscribers: 'subscribers',
  teachers: 'teachers',
  trips: 'trips',
  users: 'users',
};

const SCALES = ['thousand', 'million', 'billion'] as const;

/** KPI sources written often enough to translate, compared in lower case; others are shown as written. */
const SOURCES: Record<string, string> = {
  'demo estimate': 'demoEstimate',
  estimate: 'estimate',
};

const PART = new RegExp(`^(\\d[\\d\\s,.]*\\d|\\d)?\\s*(${SCALES.join('|')})?\\s*(.*)$`, 'i');

/** One part of a unit between "per"s ("100 000 population", "million CNY"), or undefined if unknown. */
function part(text: string, t: TFunction, language: string): string | undefined {
  const [, count, scale, rest = ''] = PART.exec(text.trim()) ?? [];
  const word = WORDS[rest.toLowerCase().replace(/\s+/g, ' ')];
  if (!word) return undefined;
  let label = t(`common:units.words.${word}`);
  if (scale) label = t(`common:units.scale.${scale.toLowerCase()}`, { unit: label });
  if (count) {
    const number = Number(count.replace(/[\s,]/g, ''));
    if (!Number.isFinite(number)) return undefined;
    // Chinese counts in 万 ("10万人"), English writes the digits ("100,000 population")
    const shown = formatNumber(number, language, contentKey(language) === 'zh' ? { notation: 'compact' } : undefined);
    label = t('common:units.count', { count: shown, unit: label });
  }
  return label;
}

/** A unit in the UI language when every word of it is known, otherwise as written. */
export function unitLabel(unit: string, t: TFunction, language: string): string {
  const written = unit.trim();
  const [first = '', ...perParts] = written.split(/(?:^|\s+)per\s+/i);
  const labels = [first, ...perParts].map((text, index) =>
    index === 0 && !text && perParts.length ? '' : part(text, t, language),
  );
  if (labels.some((label) => label === undefined)) return written;
  const [head = '', ...pers] = labels as string[];
  return pers.reduce(
    (whole, per) => (whole ? t('common:units.per', { unit: whole, per }) : t('common:units.perOnly', { per })),
    head,
  );
}

/** A KPI's source in the UI language when it is a known one, otherwise as written. */
export function sourceLabel(source: string, t: TFunction): string {
  const key = SOURCES[source.trim().toLowerCase()];
  return key ? t(`common:sources.${key}`) : source;
}

/** Units, quantities ("96%", "4.8 t CO₂e per capita") and sources of KPIs in the UI language. */
export function useUnits() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    unit: (unit: string) => unitLabel(unit, t, language),
    /** A value with its unit; a percentage as the language writes it ("96%", no space). */
    quantity: (value: number, unit: string) =>
      unit.trim() === '%'
        ? formatNumber(value / 100, language, { style: 'percent', maximumFractionDigits: 3 })
        : t('common:units.quantity', { value: formatNumber(value, language), unit: unitLabel(unit, t, language) }),
    source: (source: string) => sourceLabel(source, t),
  };
}
