import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Localized } from '../../../lib/i18n/localized';
import type { Hit } from '../api/search';
import { Highlight } from './Highlight';

function hitPath(hit: Hit) {
  const id = encodeURIComponent(hit.id);
  if (hit.type === 'city') return `/cities/${id}`;
  if (hit.type === 'expert') return `/experts?focus=${id}`;
  return `/case-studies/${id}`;
}

/** The highlighted passages in the UI language first, then any other. */
function fragments(hit: Hit, language: string): string[] {
  const preferred = language.startsWith('zh') ? '.zh' : '.en';
  const entries = Object.entries(hit.highlights ?? {}).filter(([field]) => !field.startsWith('title'));
  entries.sort(([a], [b]) => Number(!a.includes(preferred)) - Number(!b.includes(preferred)));
  return entries.flatMap(([, values]) => values).slice(0, 2);
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
            <p key={index} className="result__snippet">
              … <Highlight fragment={fragment} /> …
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
