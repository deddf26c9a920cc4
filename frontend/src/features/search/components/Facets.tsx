import { useTranslation } from 'react-i18next';
import { useReference } from '../../../lib/reference/reference';
import { FACETS, type Facet, type SearchResults } from '../api/search';
import { facetLabel } from './facet-labels';

const SHOWN: readonly Facet[] = FACETS.filter((facet) => facet !== 'type');

/** Filter checkboxes with counts from the current results; ticking one narrows the search. */
export function Facets({
  facets,
  selected,
  onToggle,
  onClear,
}: {
  facets: SearchResults['facets'];
  selected: Partial<Record<Facet, string[]>>;
  onToggle: (facet: Facet, key: string) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation('search');
  const reference = useReference();
  const anySelected = Object.values(selected).some((values) => values?.length);
  return (
    <aside className="facets" aria-label={t('facets.label')}>
      <div className="facets__head">
        <h2>{t('facets.heading')}</h2>
        {anySelected && (
          <button type="button" className="link-button" onClick={onClear}>
            {t('facets.clear')}
          </button>
        )}
      </div>
      {SHOWN.map((facet) => {
        const counts = facets[facet] ?? [];
        const chosen = selected[facet] ?? [];
        // keep chosen values visible even when the current results have none of them
        const keys = [...counts.map((count) => count.key), ...chosen.filter((key) => !counts.some((c) => c.key === key))];
        if (!keys.length) return null;
        return (
          <fieldset key={facet} className="facets__group">
            <legend>{t(`facets.${facet}`)}</legend>
            {keys.slice(0, 12).map((key) => {
              const count = counts.find((entry) => entry.key === key)?.count ?? 0;
              return (
                <label key={key} className="checkbox">
                  <input type="checkbox" checked={chosen.includes(key)} onChange={() => onToggle(facet, key)} />
                  <span>
                    {facetLabel(facet, key, reference.data, i18n.language, t)} <span className="muted">({count})</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        );
      })}
    </aside>
  );
}
