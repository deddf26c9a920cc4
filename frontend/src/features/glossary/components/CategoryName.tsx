import { useTranslation } from 'react-i18next';
import { characteristicName, termName } from '../../../lib/format/names';
import { useReference } from '../../../lib/reference/reference';
import type { GlossaryCategory } from '../api/glossary';

/** "Service domain: Transportation", or just "Vocabulary": the category and the reference term it names. */
export function CategoryName({ category, code }: { category: GlossaryCategory; code?: string }) {
  const { t, i18n } = useTranslation('glossary');
  const reference = useReference().data;
  const language = i18n.language;
  const categoryName = t(`categories.${category}`);
  if (!code) return <>{categoryName}</>;
  const name = (() => {
    switch (category) {
      case 'SERVICE_DOMAIN':
        return termName(reference, 'serviceDomains', code, language);
      case 'TECHNOLOGY':
        return termName(reference, 'technologyTags', code, language);
      case 'FINANCING':
        return termName(reference, 'financingInstruments', code, language);
      case 'BUSINESS_MODEL':
        return termName(reference, 'businessModels', code, language);
      case 'CHARACTERISTIC':
        return characteristicName(reference, code, language);
      case 'LEVEL':
        return t(`common:levels.${code}`, { defaultValue: code });
      default:
        return code;
    }
  })();
  return (
    <>
      {categoryName}
      <br />
      <span className="muted small">{name}</span>
    </>
  );
}
