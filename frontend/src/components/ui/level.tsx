import { useTranslation } from 'react-i18next';
import { levelIndex } from '../../lib/reference/reference';

/** A maturity level as a labelled badge; the colour only repeats what the text says. */
export function LevelBadge({ level }: { level: string | undefined }) {
  const { t } = useTranslation();
  const index = levelIndex(level);
  return <span className={`level-badge level-badge--${index < 0 ? 'none' : index}`}>{t(`levels.${level ?? 'NOT_ASSESSED'}`)}</span>;
}
