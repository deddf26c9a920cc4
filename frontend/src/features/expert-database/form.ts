import type { Expert, ExpertInput } from './api/experts-admin';

type Characteristic = ExpertInput['expertise']['characteristics'][number];
type ServiceDomain = NonNullable<ExpertInput['expertise']['serviceDomains']>[number];

/** What the expert form holds while editing: plain strings and sets, turned into the API body on save. */
export type ExpertFormValues = {
  id: string;
  name: string;
  affiliationEn: string;
  affiliationZh: string;
  country: string;
  region: ExpertInput['region'];
  languages: string;
  characteristics: Set<Characteristic>;
  /** Per characteristic the highest level the expert advises on; '' for any level. */
  levels: Partial<Record<Characteristic, string>>;
  serviceDomains: Set<ServiceDomain>;
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
  characteristics: new Set(),
  levels: {},
  serviceDomains: new Set(),
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
    characteristics: new Set(expert.expertise.characteristics),
    levels: { ...(expert.expertise.levels ?? {}) } as ExpertFormValues['levels'],
    serviceDomains: new Set(expert.expertise.serviceDomains),
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

/** Checks the browser can make before sending; the server checks everything again. */
export function problemsOf(values: ExpertFormValues, needsId: boolean): Partial<Record<keyof ExpertFormValues, string>> {
  const problems: Partial<Record<keyof ExpertFormValues, string>> = {};
  if (needsId && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.id.trim())) problems.id = 'form.errors.id';
  if (!values.name.trim()) problems.name = 'form.errors.name';
  if (!/^[A-Za-z]{2}$/.test(values.country.trim())) problems.country = 'form.errors.country';
  if (!values.languages.trim()) problems.languages = 'form.errors.languages';
  if (values.characteristics.size === 0) problems.characteristics = 'form.errors.characteristics';
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) problems.email = 'form.errors.email';
  return problems;
}
