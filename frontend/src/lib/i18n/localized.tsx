import { useTranslation } from 'react-i18next';
import { contentKey } from './i18n';

export type LocalizedText = Record<string, string | undefined> | undefined | null;

export type ContentLanguage = 'en' | 'zh';

export type Picked = { text: string; lang: ContentLanguage; fallback: boolean };

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

/** The `lang` attribute for content of a content-map language: "zh" → "zh-CN". */
export function langTag(lang: ContentLanguage): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/**
 * A discreet badge after content shown in a language other than the UI's: the language's own
 * name ("English", "中文"), which a reader of either language recognises; screen readers hear
 * "(only in English)" in the UI language instead.
 */
export function LanguageMark({ lang }: { lang: ContentLanguage }) {
  const { t, i18n } = useTranslation();
  const onlyIn = t('content.onlyIn', { language: t(`languages.${lang}`) });
  return (
    <span className="lang-mark-wrap" lang={i18n.language}>
      {' '}
      <span className="lang-mark" title={onlyIn} aria-hidden="true" lang={langTag(lang)}>
        {t(`content.mark.${lang}`)}
      </span>
      <span className="visually-hidden">({onlyIn})</span>
    </span>
  );
}

/**
 * Renders localized content with its real `lang` (for screen readers and fonts), and a language
 * badge when it is shown in the other language because a translation does not exist.
 */
export function Localized({ text, as: Tag = 'span' }: { text: LocalizedText; as?: 'span' | 'p' | 'div' }) {
  const { i18n } = useTranslation();
  const picked = pick(text, i18n.language);
  return <PickedText picked={picked} as={Tag} />;
}

/** Text already picked (see `pick`), with its `lang` and, when it is a fallback, its language badge. */
export function PickedText({ picked, as: Tag = 'span' }: { picked: Picked; as?: 'span' | 'p' | 'div' }) {
  return (
    <Tag lang={langTag(picked.lang)}>
      {picked.text}
      {picked.fallback && <LanguageMark lang={picked.lang} />}
    </Tag>
  );
}
