import type { TFunction } from 'i18next';
import { characteristicName, countryName, humanize, termName } from '../../../lib/format/names';
import { nextLevel, type ReferenceData } from '../../../lib/reference/reference';
import type { Facet } from '../api/search';

/** A facet value's label in the UI language. */
export function facetLabel(
  facet: Facet | 'year' | 'language',
  key: string,
  reference: ReferenceData | undefined,
  language: string,
  t: TFunction,
): string {
  switch (facet) {
    case 'serviceDomain':
      return termName(reference, 'serviceDomains', key, language);
    case 'instrument':
      return termName(reference, 'financingInstruments', key, language);
    case 'tech':
      return reference?.technologyTags.some((term) => term.code === key)
        ? termName(reference, 'technologyTags', key, language)
        : t(`search:flags.${key}`, { defaultValue: humanize(key) });
    case 'step': {
      // CHARACTERISTIC:FROM_LEVEL, the step up from that level
      const [characteristic = '', from = ''] = key.split(':');
      const to = nextLevel(from);
      return t('search:stepLabel', {
        characteristic: characteristicName(reference, characteristic, language),
        from: t(`common:levels.${from}`),
        to: to ? t(`common:levels.${to}`) : '',
      });
    }
    case 'region':
      return t(`common:regions.${key}`, { defaultValue: key });
    case 'country':
      return countryName(key, language);
    case 'stage':
      return t(`search:stages.${key}`, { defaultValue: humanize(key) });
    case 'type':
      return t(`search:types.${key}`, { defaultValue: key });
    default:
      return key;
  }
}
