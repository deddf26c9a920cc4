import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contentKey } from '../../../lib/i18n/i18n';
import { type ContentLanguage, LanguageMark, langTag, Localized } from '../../../lib/i18n/localized';
import type { Hit } from '../api/search';
import { Highlight } from './Highlight';
import { Via } from './Via';

function hitPath(hit: Hit) {
  const id = encodeURIComponent(hit.id);
  if (hit.type === 'city') return `/cities/${id}`;
  if (hit.type === 'expert') return `/experts?focus=${id}`;
  return `/case-studies/${id}`;
}

type Fragment = { text: string; lang: ContentLanguage | undefined };

/** The language of a highlighted field: "text.zh.bigram" → "zh"; undefined for a field of no language. */
function fieldLanguage(field: string): ContentLanguage | undefined {
  const language = field.split('.')[1];
  return language === 'en' || language === 'zh' ? language : undefined;
}

/** The highlighted passages in the UI language first, then any other (a search may cross languages). */
function fragments(hit: Hit, language: string): Fragment[] {
  const preferred = contentKey(language);
  const entries = Object.entries(hit.highlights ?? {})
    .filter(([field]) => !field.startsWith('title'))
    .map(([field, values]) => ({ lang: fieldLanguage(field), values }));
  entries.sort((a, b) => Number(a.lang !== preferred) - Number(b.lang !== preferred));
  return entries.flatMap(({ lang, values }) => values.map((text) => ({ text, lang }))).slice(0, 2);
}

function Snippet({ fragment }: { fragment: Fragment }) {
  const { i18n } = useTranslation();
  const other = fragment.lang !== undefined && fragment.lang !== contentKey(i18n.language);
  return (
    <p className="result__snippet" lang={fragment.lang ? langTag(fragment.lang) : undefined}>
      … <Highlight fragment={fragment.text} /> …{other && fragment.lang && <LanguageMark lang={fragment.lang} />}
    </p>
  );
}

export function Results({ hits }: { hits: Hit[] }) {
  const { t, i18n } = useTranslation('search');
  return (
    <ol className="results list-plain">
      {hits.map((hit) => (
        <li key={`${hit.type}-${hit.id}`} className="card result">
          <p className="result__kind">
            {t(`types.${hit.type}`, { defaultValue: hit.type })}
            {hit.type === 'case-study' && hit.status && hit.status !== 'PUBLISHED' && <span className="chip">{t(`statuses.${hit.status}`, { defaultValue: hit.status })}</span>}
          </p>
          <h3 className="result__title">
            <Link to={hitPath(hit)}>
              <Localized text={hit.title} />
            </Link>
          </h3>
          {fragments(hit, i18n.language).map((fragment, index) => (
            <Snippet key={index} fragment={fragment} />
          ))}
          <Via via={hit.via ?? []} />
        </li>
      ))}
    </ol>
  );
}
