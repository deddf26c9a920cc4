import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../components/ui/level';
import { Localized } from '../../../lib/i18n/localized';
import type { Characteristic } from '../../../lib/reference/reference';
import { type AssessmentForm, levelOf } from '../form';

/** The characteristics as steps, each with its derived level and a mark when it has problems. */
export function StepNav({
  characteristics,
  current,
  withErrors,
  onGo,
}: {
  characteristics: Characteristic[];
  current: number;
  withErrors: Set<string>;
  onGo: (index: number) => void;
}) {
  const { t } = useTranslation('assessment');
  const answers = useWatch<AssessmentForm, 'characteristics'>({ name: 'characteristics' });
  return (
    <nav className="assessment__steps" aria-label={t('steps.label')}>
      <ol className="list-plain">
        {characteristics.map((entry, index) => (
          <li key={entry.code} className={`assessment__step${index === current ? ' assessment__step--current' : ''}`}>
            <button
              type="button"
              className="assessment__step-button"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onGo(index)}
            >
              <span className="assessment__step-number">{index + 1}.</span> <Localized text={entry.name} />
              {withErrors.has(entry.code) && <span className="field__error"> ({t('steps.hasErrors')})</span>}
            </button>
            {entry.rated && (
              <span data-testid={`derived-level-${entry.code}`}>
                <LevelBadge level={levelOf(entry, answers[entry.code])} />
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
