import { useTranslation } from 'react-i18next';
import { levelIndex, LEVELS } from '../../../lib/reference/reference';

/**
 * One characteristic as a staircase of the five levels, lowest first: the steps the city has
 * climbed are filled and ticked, its current step is marked ("you are here" for the city's own
 * editors, `own`; "current level" for everyone else), and the next step is outlined and labelled.
 * Every state is written out, not only coloured.
 */
export function Staircase({
  level,
  label,
  showNext = true,
  own = false,
}: {
  level: string;
  label: string;
  showNext?: boolean;
  own?: boolean;
}) {
  const { t } = useTranslation('cities');
  const current = levelIndex(level);
  const next = current + 1 < LEVELS.length ? current + 1 : -1;
  return (
    <ol className="staircase" aria-label={label}>
      {LEVELS.map((step, index) => {
        const reached = current >= 0 && index <= current;
        const isCurrent = index === current;
        const isNext = showNext && current >= 0 && index === next;
        const state = isCurrent ? 'current' : reached ? 'reached' : isNext ? 'next' : 'ahead';
        return (
          <li
            key={step}
            className={`staircase__step staircase__step--${state}`}
            style={{ ['--step' as string]: index }}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <span className="staircase__marker">
              {isCurrent && t(own ? 'staircase.here' : 'staircase.current')}
              {isNext && t('staircase.next')}
            </span>
            <span className={`staircase__block${reached ? ` staircase__block--${index}` : ''}`}>
              {reached && <span aria-hidden="true">✓</span>}
            </span>
            <span className="staircase__name">
              {t(`common:levels.${step}`)}
              {reached && !isCurrent && <span className="visually-hidden"> ({t('staircase.reached')})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
