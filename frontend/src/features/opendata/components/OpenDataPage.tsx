import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page';
import { Empty, QueryView } from '../../../components/ui/status';
import { useExports } from '../api/exports';
import type { ExportDataset, Licence } from '../api/types';
import { DatasetCard } from './DatasetCard';
import { MachineReadable } from './MachineReadable';
import './opendata.css';

function Reuse({ licence }: { licence: Licence }) {
  const { t } = useTranslation('opendata');
  return (
    <div className="opendata-reuse">
      {/* the sentence names the project's licence; its link is the one the API gives */}
      <p>
        <Trans t={t} i18nKey="reuse.licence" components={{ licence: <a href={licence.url} /> }} />
      </p>
      <p>{t('reuse.formats')}</p>
    </div>
  );
}

function Datasets({ items }: { items: ExportDataset[] }) {
  const { t } = useTranslation('opendata');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('datasets.title')}</h2>
      {items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="grid grid--2 list-plain">
          {items.map((dataset) => (
            <li key={dataset.id}>
              <DatasetCard dataset={dataset} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The datasets anyone may download and reuse, and where portals and programs find them described. */
export function OpenDataPage() {
  const { t } = useTranslation('opendata');
  const query = useExports();
  return (
    <div className="opendata-page">
      <PageHeader title={t('title')}>
        <p>{t('lead')}</p>
      </PageHeader>
      <QueryView query={query} loadingLabel={t('loading')}>
        {(exports) => (
          <>
            <Reuse licence={exports.licence} />
            <Datasets items={exports.items} />
            <MachineReadable catalog={exports.catalog} openApi={exports.openApi} />
          </>
        )}
      </QueryView>
    </div>
  );
}
