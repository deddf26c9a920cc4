import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../lib/format/names';
import type { CharacteristicDistribution } from '../api/maturity-distribution';
import { type ReportLevel, REPORT_LEVELS } from './levels';

type Row = { group: string; label: string; total: number } & Record<string, number | string>;

/**
 * One characteristic as stacked horizontal bars: per group (Europe beside China, or per country)
 * the share of its cities at each level. A picture only: the table on the page has the numbers.
 */
export function DistributionChart({
  distribution,
  name,
  groupLabel,
  colours,
}: {
  distribution: CharacteristicDistribution;
  name: string;
  groupLabel: (group: string) => string;
  colours: Record<ReportLevel, { fill: string; stroke: string }>;
}) {
  const { t, i18n } = useTranslation('reports');
  const rows: Row[] = distribution.groups.map((group) => {
    const row: Row = { group: group.group, label: `${groupLabel(group.group)} (${group.total})`, total: group.total };
    for (const level of REPORT_LEVELS) row[level] = group.percentages[level] ?? 0;
    return row;
  });
  const percent = (value: number) => formatNumber(value / 100, i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const height = Math.max(110, rows.length * 34 + 50);
  return (
    <div className="distribution-chart" role="img" aria-label={t('chart.label', { characteristic: name })} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }} barCategoryGap="18%" accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(value: number) => percent(value)} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={92} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(value, key) => [percent(Number(value)), t(`common:levels.${String(key)}`)]}
            cursor={{ fill: 'rgb(11 92 171 / 8%)' }}
          />
          {REPORT_LEVELS.map((level) => (
            <Bar
              key={level}
              dataKey={level}
              stackId="levels"
              fill={colours[level].fill}
              stroke={colours[level].stroke}
              strokeWidth={1}
              strokeDasharray={level === 'NOT_ASSESSED' ? '3 2' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
