import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from 'recharts';
import { LevelBadge } from '../../../components/ui/level';
import { characteristicName } from '../../../lib/format/names';
import { levelIndex, LEVELS, type Characteristic, type ReferenceData } from '../../../lib/reference/reference';
import { TableWrap } from '../../../components/ui/table-wrap';

type Point = { code: string; number: number; name: string; value: number; level: string; assessed: boolean };

/** The angle axis label: the characteristic's number, and its name where there is room (CSS hides it on phones). */
function AngleTick({ x, y, textAnchor, payload, points }: { x?: number; y?: number; textAnchor?: string; payload?: { value?: string }; points: Point[] }) {
  const point = points.find((entry) => entry.name === payload?.value);
  if (!point || x === undefined || y === undefined) return null;
  const anchor = textAnchor === 'start' || textAnchor === 'end' || textAnchor === 'middle' ? textAnchor : 'middle';
  return (
    <text x={x} y={y} textAnchor={anchor} dominantBaseline="central" className="radar-tick">
      <tspan className="radar-tick__number">{point.number}</tspan>
      <tspan className="radar-tick__name"> {point.name}</tspan>
    </text>
  );
}

/**
 * The city's eight rated characteristics on a radar (0 = not yet addressed … 4 = state of the art),
 * with the same data as a table: the SVG is only a picture for sighted users.
 */
export function MaturityRadar({
  cityName,
  levels,
  characteristics,
  reference,
}: {
  cityName: string;
  levels: Record<string, string | undefined>;
  characteristics: Characteristic[];
  reference: ReferenceData | undefined;
}) {
  const { t, i18n } = useTranslation('cities');
  const id = useId();
  const points: Point[] = characteristics.map((characteristic) => {
    const level = levels[characteristic.code] ?? 'NOT_ASSESSED';
    const index = levelIndex(level);
    return {
      code: characteristic.code,
      number: characteristic.number,
      name: characteristicName(reference, characteristic.code, i18n.language),
      value: Math.max(0, index),
      level,
      assessed: index >= 0,
    };
  });
  const unassessed = points.filter((point) => !point.assessed);
  return (
    <figure className="radar" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="radar__caption">
        {t('radar.caption', { city: cityName })}
      </figcaption>
      <div className="radar__chart" role="img" aria-label={t('radar.label', { city: cityName })} aria-describedby={`${id}-table`}>
        <ResponsiveContainer width="100%" height="100%">
          <RadarChart data={points} outerRadius="70%" accessibilityLayer={false}>
            <PolarGrid />
            <PolarAngleAxis dataKey="name" tick={(props: object) => <AngleTick {...props} points={points} />} />
            <PolarRadiusAxis domain={[0, LEVELS.length - 1]} tickCount={LEVELS.length} angle={90 - 360 / 16} tick={{ fontSize: 10 }} />
            <Radar dataKey="value" stroke="#0b5cab" fill="#2f7fcf" fillOpacity={0.35} isAnimationActive={false} dot />
          </RadarChart>
        </ResponsiveContainer>
      </div>
      <p className="small muted">{t('radar.scale')}</p>
      {unassessed.length > 0 && <p className="small radar__note">{t('radar.notAssessedNote', { count: unassessed.length })}</p>}
      <TableWrap label={t('radar.tableCaption', { city: cityName })}>
        <table className="table table--rows radar__table" id={`${id}-table`}>
          <caption className="visually-hidden">{t('radar.tableCaption', { city: cityName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('radar.characteristic')}</th>
              <th scope="col">{t('radar.level')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.code}>
                <th scope="row">
                  {point.number}. {point.name}
                </th>
                <td>
                  <LevelBadge level={point.level} />{' '}
                  <span className="radar__value">
                    {point.assessed ? t('radar.value', { value: point.value, max: LEVELS.length - 1 }) : t('radar.noValue')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
