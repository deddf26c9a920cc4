import { z } from 'zod';
import { blank } from '../../lib/forms/messages';
import type { Cluster, ClusterInput } from './api/cluster-form';

type Topic = NonNullable<ClusterInput['topic']>;
export type Domain = NonNullable<Topic['serviceDomains']>[number];
export type CharacteristicCode = NonNullable<Topic['characteristics']>[number];

/** What the cluster form holds while editing: texts as typed, the ticked codes, the invited city ids. */
export type ClusterValues = {
  nameEn: string;
  nameZh: string;
  purposeEn: string;
  purposeZh: string;
  serviceDomains: Domain[];
  characteristics: CharacteristicCode[];
  invited: string[];
};

export const EMPTY_CLUSTER: ClusterValues = {
  nameEn: '',
  nameZh: '',
  purposeEn: '',
  purposeZh: '',
  serviceDomains: [],
  characteristics: [],
  invited: [],
};

export function clusterValuesOf(cluster: Cluster): ClusterValues {
  return {
    nameEn: cluster.name.en ?? '',
    nameZh: cluster.name.zh ?? '',
    purposeEn: cluster.purpose.en ?? '',
    purposeZh: cluster.purpose.zh ?? '',
    serviceDomains: [...(cluster.topic.serviceDomains ?? [])] as Domain[],
    characteristics: [...(cluster.topic.characteristics ?? [])] as CharacteristicCode[],
    invited: cluster.invited.map((invitation) => invitation.cityId),
  };
}

/** The feature's own message key for a cluster without a name (a cluster's name, not any text, is meant). */
export const NAME_REQUIRED = 'clusterForm.nameRequired';

/** Checked before sending (the API checks it all again): a name in English or Chinese. */
export const clusterSchema = z.custom<ClusterValues>().superRefine((values, context) => {
  if (blank(values.nameEn) && blank(values.nameZh)) context.addIssue({ code: 'custom', path: ['nameEn'], message: NAME_REQUIRED });
});

/** A text map of the languages filled in: {en?, zh?}. */
function texts(en: string, zh: string): Record<string, string> {
  const map: Record<string, string> = {};
  if (en.trim()) map.en = en.trim();
  if (zh.trim()) map.zh = zh.trim();
  return map;
}

/** The request body; what the form does not edit (keywords, case studies, experts) is kept from `cluster`. */
export function clusterInputOf(values: ClusterValues, cluster: Cluster | undefined): ClusterInput {
  return {
    name: texts(values.nameEn, values.nameZh),
    purpose: texts(values.purposeEn, values.purposeZh),
    topic: { serviceDomains: values.serviceDomains, characteristics: values.characteristics, keywords: cluster?.topic.keywords ?? [] },
    caseStudyIds: cluster?.caseStudyIds ?? [],
    expertIds: cluster?.expertIds ?? [],
  };
}

export function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}
