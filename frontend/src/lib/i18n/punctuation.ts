import { useTranslation } from 'react-i18next';

/**
 * Punctuation that differs between the UI languages, from the shared translations: after a label
 * English writes ": " and Chinese the full-width "：" (no space); between messages "; " and "；".
 */
export function usePunctuation() {
  const { t } = useTranslation();
  return {
    /** Between a label and what follows on the same line: ": " or "：". */
    colon: t('common:punctuation.colon'),
    /** A label that ends with its colon, when layout puts the space after it: "City:" or "城市：". */
    label: (label: string) => t('common:punctuation.label', { label }),
    /** "Label: value" or "标签：值", e.g. for an accessible name. */
    labelled: (label: string, value: string) => t('common:punctuation.labelled', { label, value }),
    /** Between messages of one field: "; " or "；". */
    semicolon: t('common:punctuation.semicolon'),
  };
}
