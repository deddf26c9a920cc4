import { useTranslation } from 'react-i18next';
import { characteristicName } from '../../../lib/format/names';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { levelIndex, type Characteristic, type ReferenceData } from '../../../lib/reference/reference';

/**
 * A city's levels at a glance: one cell per rated characteristic, in the white paper's order. Each
 * cell shows the level as a digit 0–4 (a dash when not assessed) and is named in full for screen
 * readers and on hover, so the colour only repeats what the text says.
 */
export function LevelStrip({
  levels,
  characteristics,
  reference,
}: {
  levels: Record<string, string | undefined>;
  characteristics: Characteristic[];
  reference: ReferenceData | undefined;
}) {
  const { t, i18n } = useTranslation('cities');
  const { labelled } = usePunctuation();
  return (
    <ol className="level-strip" aria-label={t('card.levels')}>
      {characteristics.map((characteristic) => {
        const level = levels[characteristic.code] ?? 'NOT_ASSESSED';
        const index = levelIndex(level);
        const label = labelled(characteristicName(reference, characteristic.code, i18n.language), t(`common:levels.${level}`));
        return (
          <li key={characteristic.code} className={`level-strip__cell level-strip__cell--${index < 0 ? 'none' : index}`} title={label}>
            <span aria-hidden="true">{index < 0 ? '–' : index}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ol>
  );
}
