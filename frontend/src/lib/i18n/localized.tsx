import { useTranslation } from 'react-i18next';
import { contentKey } from './i18n';

export type LocalizedText = Record<string, string | undefined> | undefined | null;

export type Picked = { text: string; lang: 'en' | 'zh'; fallback: boolean };

/** Content in the chosen language where it exists; otherwise the other language, marked as such. */
export function pick(text: LocalizedText, language: string): Picked {
  const wanted = contentKey(language);
  const other = wanted === 'zh' ? 'en' : 'zh';
  const preferred = text?.[wanted]?.trim();
  if (preferred) return { text: preferred, lang: wanted, fallback: false };
  const fallback = text?.[other]?.trim();
  if (fallback) return { text: fallback, lang: other, fallback: true };
  const any = Object.entries(text ?? {}).find(([, value]) => value?.trim());
  return { text: any?.[1]?.trim() ?? '', lang: other, fallback: Boolean(any) };
}

export function usePick() {
  const { i18n } = useTranslation();
  return (text: LocalizedText) => pick(text, i18n.language);
}

/**
 * Renders localized content with its real `lang` (for screen readers and fonts), and a small note
 * when it is shown in the other language because a translation does not exist.
 */
export function Localized({ text, as: Tag = 'span' }: { text: LocalizedText; as?: 'span' | 'p' | 'div' }) {
  const { t, i18n } = useTranslation();
  const picked = pick(text, i18n.language);
  return (
    <Tag lang={picked.lang === 'zh' ? 'zh-CN' : 'en'}>
      {picked.text}
      {picked.fallback && (
        <span className="fallback-note" lang={i18n.language}>
          {' '}
          ({t('content.onlyIn', { language: t(`languages.${picked.lang}`) })})
        </span>
      )}
    </Tag>
  );
}
