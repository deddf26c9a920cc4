import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Exports } from '../api/types';

/** An example of the `since` parameter a download link takes. */
const SINCE_EXAMPLE = '&since=2026-01-01T00:00:00Z';

/** Where software finds the data: the DCAT-AP catalogue portals harvest, and the OpenAPI document. */
export function MachineReadable({ catalog, openApi }: Pick<Exports, 'catalog' | 'openApi'>) {
  const { t } = useTranslation('opendata');
  const headingId = useId();
  return (
    <section className="card opendata-machines" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('machines.title')}</h2>
      <h3>{t('machines.catalogue.title')}</h3>
      <p>{t('machines.catalogue.what')}</p>
      <ul className="opendata-links">
        <li>
          <a href={catalog.jsonLd}>{t('machines.catalogue.jsonLd')}</a>
        </li>
        <li>
          <a href={catalog.turtle}>{t('machines.catalogue.turtle')}</a>
        </li>
      </ul>
      <h3>{t('machines.openApi.title')}</h3>
      <p>{t('machines.openApi.what')}</p>
      <ul className="opendata-links">
        <li>
          <a href={openApi}>{t('machines.openApi.link')}</a>
        </li>
      </ul>
      <p className="small muted">
        <Trans t={t} i18nKey="machines.since" values={{ example: SINCE_EXAMPLE }} components={{ code: <code /> }} />
      </p>
    </section>
  );
}
