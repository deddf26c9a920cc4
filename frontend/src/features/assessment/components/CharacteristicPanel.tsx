import type { Ref } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../components/ui/level';
import { Localized } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import type { Characteristic } from '../../../lib/reference/reference';
import { LEVELS_WITH_CRITERIA } from '../derived-level';
import { type AssessmentForm, type CharacteristicAnswer, levelOf } from '../form';

/**
 * One characteristic: its criteria per level to tick (the level follows from them), the questions
 * to answer and the evidence links. Any change includes the characteristic in the draft.
 */
export function CharacteristicPanel({
  characteristic,
  position,
  total,
  readOnly,
  problems,
  linkProblems,
  headingRef,
  onLevelChange,
  onGo,
}: {
  characteristic: Characteristic;
  position: number;
  total: number;
  readOnly: boolean;
  problems: string[];
  linkProblems: string[];
  headingRef: Ref<HTMLHeadingElement>;
  onLevelChange: (level: string) => void;
  onGo: (index: number) => void;
}) {
  const { t } = useTranslation('assessment');
  const punctuation = usePunctuation();
  const { register, getValues, setValue } = useFormContext<AssessmentForm>();
  const code = characteristic.code;
  const answer = useWatch<AssessmentForm, `characteristics.${string}`>({ name: `characteristics.${code}` });
  const level = levelOf(characteristic, answer);
  const markAssessed = () => setValue(`characteristics.${code}.assessed`, true, { shouldDirty: true });

  function toggle(criterion: string, checked: boolean) {
    const before: CharacteristicAnswer = { ...getValues(`characteristics.${code}`) }; // a copy: setValue changes the values in place
    const met = checked ? [...before.met, criterion] : before.met.filter((entry) => entry !== criterion);
    const levelBefore = levelOf(characteristic, before);
    setValue(`characteristics.${code}.met`, met, { shouldDirty: true });
    markAssessed();
    const after = levelOf(characteristic, { ...before, met, assessed: true });
    if (after && after !== levelBefore) onLevelChange(after);
  }

  const linksId = `links-${code}`;
  const linksErrorId = `links-error-${code}`;
  return (
    <section className="card assessment__panel" aria-labelledby="assessment-panel-heading">
      <p className="assessment__position">{t('steps.position', { step: position + 1, total })}</p>
      <h2 id="assessment-panel-heading" ref={headingRef} tabIndex={-1}>
        <Localized text={characteristic.name} />
      </h2>
      <Localized as="p" text={characteristic.description} />
      {characteristic.rated ? (
        <>
          <p className="assessment__derived">
            <span>{punctuation.label(t('derived'))}</span> <LevelBadge level={level} />
          </p>
          {!answer.assessed && <p className="field__hint">{t('notAssessedHint')}</p>}
        </>
      ) : (
        <p className="field__hint">{t('notRated')}</p>
      )}
      {problems.length > 0 && (
        <ul className="field__error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      {LEVELS_WITH_CRITERIA.map((levelCode) => {
        const criteria = characteristic.criteria.filter((criterion) => criterion.level === levelCode);
        if (!criteria.length) return null;
        const metCount = criteria.filter((criterion) => answer.met.includes(criterion.code)).length;
        return (
          <fieldset key={levelCode} className="assessment__level">
            <legend>
              {t('levelCriteria', { level: t(`common:levels.${levelCode}`) })}{' '}
              <span className="muted small">({t('criteriaCount', { met: metCount, total: criteria.length })})</span>
            </legend>
            {criteria.map((criterion) => {
              const id = `criterion-${criterion.code}`;
              return (
                <div key={criterion.code} className="checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    checked={answer.met.includes(criterion.code)}
                    disabled={readOnly}
                    onChange={(event) => toggle(criterion.code, event.target.checked)}
                  />
                  <label htmlFor={id}>
                    <Localized text={criterion.text} />
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}

      <fieldset className="assessment__evidence">
        <legend>{t('evidence.legend')}</legend>
        <p className="field__hint">{t('evidence.hint')}</p>
        {characteristic.questions.map((question, index) => {
          const id = `answer-${question.code}`;
          return (
            <div key={question.code} className="field">
              <label htmlFor={id}>
                <Localized text={question.text} />
              </label>
              <textarea
                id={id}
                readOnly={readOnly}
                maxLength={4000}
                {...register(`characteristics.${code}.answers.${index}`, { onChange: markAssessed })}
              />
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={linksId}>{t('evidence.links')}</label>
          <span className="field__hint" id={`links-hint-${code}`}>
            {t('evidence.linksHint')}
          </span>
          <textarea
            id={linksId}
            className="assessment__links"
            readOnly={readOnly}
            aria-invalid={linkProblems.length > 0 || undefined}
            aria-describedby={`links-hint-${code}${linkProblems.length ? ` ${linksErrorId}` : ''}`}
            {...register(`characteristics.${code}.links`, { onChange: markAssessed })}
          />
          {linkProblems.length > 0 && (
            <span className="field__error" id={linksErrorId}>
              {linkProblems.join(punctuation.semicolon)}
            </span>
          )}
        </div>
      </fieldset>

      <div className="actions assessment__nav">
        <button type="button" className="button button--secondary" disabled={position === 0} onClick={() => onGo(position - 1)}>
          ← {t('steps.previous')}
        </button>
        <button type="button" className="button button--secondary" disabled={position === total - 1} onClick={() => onGo(position + 1)}>
          {t('steps.next')} →
        </button>
      </div>
    </section>
  );
}
