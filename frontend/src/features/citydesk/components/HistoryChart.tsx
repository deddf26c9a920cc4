import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../components/ui/level';
import { TableWrap } from '../../../components/ui/table-wrap';
import { characteristicName, formatDate } from '../../../lib/format/names';
import { levelIndex, type Characteristic, type ReferenceData } from '../../../lib/reference/reference';
import type { Assessment } from '../api/assessment-history';

const WIDTH = 240;
const HEIGHT = 96;
const PAD = 14;

function levelOf(assessment: Assessment, code: string): string {
  return assessment.characteristics.find((entry) => entry.characteristic === code)?.level ?? 'NOT_ASSESSED';
}

/** One characteristic's levels over the rounds: a small step line, 0 (not yet addressed) at the bottom, 4 at the top. */
function Sparkline({ rounds, code, name }: { rounds: Assessment[]; code: string; name: string }) {
  const { t } = useTranslation('citydesk');
  const { t: common } = useTranslation();
  const x = (index: number) => (rounds.length === 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (rounds.length - 1));
  const y = (rank: number) => HEIGHT - PAD - (rank * (HEIGHT - 2 * PAD)) / 4;
  const points = rounds
    .map((round, index) => ({ index, rank: levelIndex(levelOf(round, code)), round: round.round }))
    .filter((point) => point.rank >= 0);
  const path = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${x(point.index)},${y(point.rank)}`).join(' ');
  const spoken = rounds
    .map((round) => t('history.spokenRound', { round: round.round, level: common(`levels.${levelOf(round, code)}`) }))
    .join(', ');
  return (
    <svg className="history__spark" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${name}: ${spoken}`}>
      {[0, 1, 2, 3, 4].map((rank) => (
        <line key={rank} x1={PAD} x2={WIDTH - PAD} y1={y(rank)} y2={y(rank)} className="history__grid" />
      ))}
      {path && <path d={path} className="history__line" />}
      {points.map((point) => (
        <circle key={point.round} cx={x(point.index)} cy={y(point.rank)} r={4} className="history__dot" />
      ))}
    </svg>
  );
}

/**
 * The city's levels per characteristic over its validated rounds: one small chart per characteristic
 * (no colour to decode), and the same numbers as a table.
 */
export function HistoryChart({
  rounds,
  characteristics,
  reference,
}: {
  rounds: Assessment[];
  characteristics: Characteristic[];
  reference: ReferenceData | undefined;
}) {
  const { t, i18n } = useTranslation('citydesk');
  const id = useId();
  return (
    <figure className="history" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{t('history.caption', { count: rounds.length })}</figcaption>
      <p className="field__hint">{t('history.scale')}</p>
      <ul className="history__grid-list">
        {characteristics.map((characteristic) => {
          const name = characteristicName(reference, characteristic.code, i18n.language);
          const latest = rounds.at(-1);
          return (
            <li key={characteristic.code} className="history__item">
              <span className="history__name">
                {characteristic.number}. {name}
              </span>
              <Sparkline rounds={rounds} code={characteristic.code} name={name} />
              {latest && <LevelBadge level={levelOf(latest, characteristic.code)} />}
            </li>
          );
        })}
      </ul>
      <TableWrap label={t('history.table')}>
        <table className="table history__table">
          <caption>{t('history.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.characteristic')}</th>
              {rounds.map((round) => (
                <th scope="col" key={round.round}>
                  {t('history.round', { round: round.round })}
                  {round.assessedAt && <span className="history__date">{formatDate(round.assessedAt, i18n.language)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {characteristics.map((characteristic) => (
              <tr key={characteristic.code}>
                <th scope="row">{characteristicName(reference, characteristic.code, i18n.language)}</th>
                {rounds.map((round) => (
                  <td key={round.round}>
                    <LevelBadge level={levelOf(round, characteristic.code)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
