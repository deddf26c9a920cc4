import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import type { ExportDataset, ExportFormat, Licence } from '../api/types';

/** A Creative Commons licence's SPDX id as people write it: "CC-BY-4.0" → "CC BY 4.0". */
function licenceName(id: string): string {
  const creativeCommons = /^CC-(.+)-(\d+\.\d+)$/.exec(id);
  return creativeCommons ? `CC ${creativeCommons[1]} ${creativeCommons[2]}` : id;
}

function LicenceLink({ licence }: { licence: Licence }) {
  return <a href={licence.url}>{licenceName(licence.id)}</a>;
}

function Downloads({ dataset }: { dataset: ExportDataset }) {
  const { t } = useTranslation('opendata');
  const pick = usePick();
  const title = pick(dataset.title).text;
  const formatName = (format: ExportFormat | string) => t(`formats.${format}`, { defaultValue: format.toUpperCase() });
  return (
    <ul className="dataset__downloads list-plain">
      {dataset.formats.map((format) => {
        const href = dataset.links[format];
        if (!href) return null;
        return (
          <li key={format}>
            {/* a plain link: the browser saves the file under the name the server gives it */}
            {/* the name says which dataset; it ends with the visible text, as speech-input users say it */}
            <a className="button button--secondary" href={href} download>
              <span className="visually-hidden">{t('dataset.downloadPrefix', { dataset: title })} </span>
              {formatName(format)}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** One dataset: what it holds, its licence, its files, how many records and when it last changed. */
export function DatasetCard({ dataset }: { dataset: ExportDataset }) {
  const { t, i18n } = useTranslation('opendata');
  const headingId = useId();
  return (
    <article className="card dataset" id={`dataset-${dataset.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Localized text={dataset.title} />
      </h3>
      <Localized as="p" text={dataset.description} />
      <dl className="facts">
        <dt>{t('dataset.licence')}</dt>
        <dd>
          <LicenceLink licence={dataset.licence} />
        </dd>
        <dt>{t('dataset.download')}</dt>
        <dd>
          <Downloads dataset={dataset} />
        </dd>
        <dt>{t('dataset.records')}</dt>
        <dd>{dataset.records === undefined ? t('dataset.uncounted') : formatNumber(dataset.records, i18n.language)}</dd>
        <dt>{t('dataset.lastModified')}</dt>
        <dd>
          {dataset.records === undefined ? (
            t('dataset.uncounted')
          ) : dataset.lastModified ? (
            <time dateTime={dataset.lastModified}>{formatDate(dataset.lastModified, i18n.language)}</time>
          ) : (
            t('dataset.noRecords')
          )}
        </dd>
      </dl>
    </article>
  );
}
