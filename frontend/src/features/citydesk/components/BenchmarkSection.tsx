import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { Empty, QueryView } from '../../../components/ui/status';
import { TableWrap } from '../../../components/ui/table-wrap';
import { characteristicName } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { LEVELS, type ReferenceData } from '../../../lib/reference/reference';
import { useBenchmark } from '../api/benchmark';

/** A median rank (0–4, halves between two levels) in words. */
export function useMedianLabel() {
  const { t } = useTranslation('citydesk');
  const { t: common } = useTranslation();
  return (median: number | undefined) => {
    if (median === undefined || median === null) return t('benchmark.noMedian');
    const lower = LEVELS[Math.floor(median)];
    const upper = LEVELS[Math.ceil(median)];
    return lower === upper
      ? common(`levels.${lower}`)
      : t('benchmark.between', { lower: common(`levels.${lower}`), upper: common(`levels.${upper}`) });
  };
}

export function BenchmarkSection({ cityId, reference }: { cityId: string; reference: ReferenceData | undefined }) {
  const { t, i18n } = useTranslation('citydesk');
  const pick = usePick();
  const query = useBenchmark(cityId);
  const median = useMedianLabel();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });

  return (
    <section aria-labelledby="citydesk-benchmark" className="citydesk__section">
      <h2 id="citydesk-benchmark">{t('benchmark.heading')}</h2>
      <p>{t('benchmark.intro')}</p>
      <QueryView query={query}>
        {(benchmark) => (
          <>
            {benchmark.peerLookup === 'UNAVAILABLE' && <p className="status status--empty">{t('benchmark.peersUnavailable')}</p>}
            <TableWrap label={t('benchmark.levelsTable')}>
              <table className="table">
                <caption>{t('benchmark.levelsTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('history.characteristic')}</th>
                    <th scope="col">{t('benchmark.yours')}</th>
                    <th scope="col">{t('benchmark.region', { region: t(`regions.${benchmark.region}`, { ns: 'common' }) })}</th>
                    <th scope="col">{t('benchmark.peers')}</th>
                    <th scope="col">{t('benchmark.clusters')}</th>
                  </tr>
                </thead>
                <tbody>
                  {benchmark.levels.map((row) => (
                    <tr key={row.characteristic}>
                      <th scope="row">{characteristicName(reference, row.characteristic, i18n.language)}</th>
                      <td>
                        <LevelBadge level={row.level} />
                      </td>
                      <td>
                        {median(row.regionMedian)}
                        {row.regionCities > 0 && (
                          <span className="citydesk__muted"> {t('benchmark.ofCities', { count: row.regionCities })}</span>
                        )}
                      </td>
                      <td>{median(row.peersMedian)}</td>
                      <td>{median(row.clustersMedian)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>

            <h3>{t('benchmark.kpisHeading')}</h3>
            {benchmark.kpis.length === 0 ? (
              <Empty>{t('benchmark.noKpis')}</Empty>
            ) : (
              <TableWrap label={t('benchmark.kpisHeading')}>
                <table className="table">
                  <caption className="visually-hidden">{t('benchmark.kpisHeading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('kpis.indicator')}</th>
                      <th scope="col">{t('benchmark.yourValue')}</th>
                      <th scope="col">{t('benchmark.othersMedian')}</th>
                      <th scope="col">{t('benchmark.others')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {benchmark.kpis.map((kpi) => (
                      <tr key={kpi.indicatorCode}>
                        <th scope="row">
                          <Localized text={kpi.title} /> <span className="citydesk__code">{kpi.indicatorCode}</span>
                        </th>
                        <td className="num">
                          {number.format(kpi.value)} {kpi.unit} ({kpi.year})
                        </td>
                        <td className="num">{kpi.median === undefined ? t('benchmark.noMedian') : `${number.format(kpi.median)} ${kpi.unit}`}</td>
                        <td>
                          {kpi.others.length === 0
                            ? t('benchmark.nobodyElse')
                            : kpi.others
                                .map((other) => `${pick(other.name).text || other.cityId}: ${number.format(other.value)} (${other.year})`)
                                .join(t('benchmark.separator'))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}

            <h3>{t('benchmark.comparedHeading')}</h3>
            {benchmark.peers.length === 0 ? (
              <Empty>{t('benchmark.noPeers')}</Empty>
            ) : (
              <ul className="citydesk__compared">
                {benchmark.peers.map((peer) => (
                  <li key={peer.id}>
                    <Link to={`/cities/${encodeURIComponent(peer.id)}`}>
                      <Localized text={peer.name} />
                    </Link>{' '}
                    <span className="citydesk__muted">{t(`benchmark.relation.${peer.relation}`)}</span>
                  </li>
                ))}
              </ul>
            )}
            {benchmark.clusters.length > 0 && (
              <p>
                {t('benchmark.clustersLead')}{' '}
                {benchmark.clusters.map((cluster, index) => (
                  <span key={cluster.id}>
                    {index > 0 && t('benchmark.separator')}
                    <Link to={`/clusters/${encodeURIComponent(cluster.id)}`}>
                      <Localized text={cluster.name} />
                    </Link>
                  </span>
                ))}
              </p>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
