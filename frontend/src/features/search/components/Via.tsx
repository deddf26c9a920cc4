import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/format/names';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import type { Hit } from '../api/search';

const langOf = (language: string) => (language.startsWith('zh') ? 'zh-CN' : 'en');

/**
 * How the glossary carried a search across languages to this hit: "Found through the glossary:
 * 停车 → parking, car park", each term in its own language.
 */
export function Via({ via }: { via: Hit['via'] }) {
  const { t, i18n } = useTranslation('search');
  const { colon } = usePunctuation();
  if (!via.length) return null;
  return (
    <p className="result__via small">
      <span className="result__via-label">
        {t('via.label')}
        {colon}
      </span>
      {via.map((bridge, index) => (
        <span key={`${bridge.termId}-${bridge.toLanguage}`} className="result__bridge">
          {index > 0 && t('via.separator')}
          <span lang={langOf(bridge.fromLanguage)}>{bridge.from}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {t('via.to')} </span>
          <span lang={langOf(bridge.toLanguage)}>{formatList(bridge.to, i18n.language)}</span>
        </span>
      ))}
    </p>
  );
}
