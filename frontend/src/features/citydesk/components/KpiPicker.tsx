import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../../components/ui/status';
import { usePick } from '../../../lib/i18n/localized';
import { matchIndicators, useIndicators, type Indicator } from '../api/indicators';

const SHOWN = 8;
const STANDARDS = ['U4SSC', 'ISO_37120', 'ISO_37122', 'ISO_37123'] as const;

/** Finds an indicator of the catalogue by code or title, in either language, and adds it. */
export function KpiPicker({ taken, onPick }: { taken: string[]; onPick: (indicator: Indicator) => void }) {
  const { t } = useTranslation('citydesk');
  const pick = usePick();
  const id = useId();
  const [text, setText] = useState('');
  const [standard, setStandard] = useState('');
  const indicators = useIndicators();

  return (
    <div className="kpi-picker" role="search" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('kpis.addHeading')}</h3>
      <div className="kpi-picker__filters">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('kpis.search')}</label>
          <input id={`${id}-q`} type="search" value={text} onChange={(event) => setText(event.target.value)} aria-describedby={`${id}-hint`} />
          <span className="field__hint" id={`${id}-hint`}>
            {t('kpis.searchHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-standard`}>{t('kpis.standard')}</label>
          <select id={`${id}-standard`} value={standard} onChange={(event) => setStandard(event.target.value)}>
            <option value="">{t('kpis.allStandards')}</option>
            {STANDARDS.map((code) => (
              <option key={code} value={code}>
                {t(`kpis.standards.${code}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryView query={indicators}>
        {(page) => {
          const found = matchIndicators(page.items, text, standard);
          return (
            <>
              <p className="field__hint" aria-live="polite">
                {t('kpis.found', { count: found.length })}
              </p>
              <ul className="kpi-picker__results">
                {found.slice(0, SHOWN).map((indicator) => {
                  const title = pick(indicator.title).text;
                  const listed = taken.includes(indicator.code);
                  return (
                    <li key={indicator.code}>
                      <span>
                        <span className="citydesk__code">{indicator.code}</span> {title}{' '}
                        <span className="citydesk__muted">({indicator.unit})</span>
                        {listed && <span className="citydesk__muted"> · {t('kpis.listed')}</span>}
                      </span>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t('kpis.addLabel', { title, code: indicator.code })}
                        onClick={() => onPick(indicator)}
                      >
                        {t('kpis.add')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
