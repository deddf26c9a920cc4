import { z } from 'zod';
import type { Expert, ExpertInput } from './api/experts-admin';

export type Characteristic = ExpertInput['expertise']['characteristics'][number];
export type ServiceDomain = NonNullable<ExpertInput['expertise']['serviceDomains']>[number];

/** What the expert form holds while editing: plain strings and code lists, turned into the API body on save. */
export type ExpertFormValues = {
  id: string;
  name: string;
  affiliationEn: string;
  affiliationZh: string;
  country: string;
  region: ExpertInput['region'];
  languages: string;
  characteristics: Characteristic[];
  /** Per characteristic the highest level the expert advises on; '' for any level. */
  levels: Partial<Record<Characteristic, string>>;
  serviceDomains: ServiceDomain[];
  availability: ExpertInput['availability'];
  bioEn: string;
  bioZh: string;
  email: string;
  phone: string;
};

export const EMPTY_EXPERT: ExpertFormValues = {
  id: '',
  name: '',
  affiliationEn: '',
  affiliationZh: '',
  country: '',
  region: 'EU',
  languages: 'en',
  characteristics: [],
  levels: {},
  serviceDomains: [],
  availability: 'AVAILABLE',
  bioEn: '',
  bioZh: '',
  email: '',
  phone: '',
};

export function valuesOf(expert: Expert): ExpertFormValues {
  return {
    id: expert.id,
    name: expert.name,
    affiliationEn: expert.affiliation.en ?? '',
    affiliationZh: expert.affiliation.zh ?? '',
    country: expert.country,
    region: expert.region,
    languages: expert.languages.join(', '),
    characteristics: [...expert.expertise.characteristics],
    levels: { ...(expert.expertise.levels ?? {}) } as ExpertFormValues['levels'],
    serviceDomains: [...(expert.expertise.serviceDomains ?? [])],
    availability: expert.availability,
    bioEn: expert.bio.en ?? '',
    bioZh: expert.bio.zh ?? '',
    email: expert.contact?.email ?? '',
    phone: expert.contact?.phone ?? '',
  };
}

const text = (en: string, zh: string) => {
  const map: Record<string, string> = {};
  if (en.trim()) map.en = en.trim();
  if (zh.trim()) map.zh = zh.trim();
  return Object.keys(map).length ? map : undefined;
};

/** The request body: empty texts left out, levels only for the characteristics ticked. */
export function inputOf(values: ExpertFormValues, version: number | undefined): ExpertInput {
  const characteristics = [...values.characteristics];
  const levels: Record<string, NonNullable<ExpertInput['expertise']['levels']>[string]> = {};
  for (const code of characteristics) {
    const level = values.levels[code];
    if (level) levels[code] = level as (typeof levels)[string];
  }
  return {
    id: values.id.trim() || undefined,
    version,
    name: values.name.trim(),
    affiliation: text(values.affiliationEn, values.affiliationZh),
    country: values.country.trim().toUpperCase(),
    region: values.region,
    languages: values.languages
      .split(/[,\s]+/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    expertise: { characteristics, serviceDomains: [...values.serviceDomains], levels },
    bio: text(values.bioEn, values.bioZh),
    availability: values.availability,
    contact: values.email.trim() || values.phone.trim() ? { email: values.email.trim() || undefined, phone: values.phone.trim() || undefined } : undefined,
  };
}

/**
 * Checked before sending (the API checks everything again). The messages are keys of the feature's
 * own namespace (`form.errors.*`), which say what the expert form needs more exactly than the
 * shared codes.
 */
export function expertSchema(needsId: boolean) {
  return z.custom<ExpertFormValues>().superRefine((values, context) => {
    const problem = (path: keyof ExpertFormValues) => context.addIssue({ code: 'custom', path: [path], message: `form.errors.${path}` });
    if (needsId && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.id.trim())) problem('id');
    if (!values.name.trim()) problem('name');
    if (!/^[A-Za-z]{2}$/.test(values.country.trim())) problem('country');
    if (!values.languages.trim()) problem('languages');
    if (values.characteristics.length === 0) problem('characteristics');
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) problem('email');
  });
}
