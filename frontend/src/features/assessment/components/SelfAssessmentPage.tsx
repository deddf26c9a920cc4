import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { PageHeader } from '../../../components/ui/page';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { StaleVersion } from '../../../components/ui/stale-version';
import { formatDate } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { type Characteristic, type ReferenceData, useReference } from '../../../lib/reference/reference';
import { type Assessment, useAssessmentDraft } from '../api/assessment-draft';
import { useCity } from '../../../lib/city/city';
import { useCurrentAssessment } from '../api/current-assessment';
import { type AssessedCharacteristicInput, type AssessmentDraft, useSaveDraft } from '../api/save-draft';
import { useSubmitDraft } from '../api/submit-draft';
import { derivedLevel, LEVELS_WITH_CRITERIA } from '../derived-level';
import './assessment.css';
import { useLeaveWarning } from '../../../lib/forms/leave-warning';

type CharacteristicCode = AssessedCharacteristicInput['characteristic'];

/** What the editor holds per characteristic while ticking. */
type Answer = {
  met: Set<string>;
  answers: Record<string, string>;
  links: string;
  /** Included in the draft: characteristics left out are "not assessed". */
  assessed: boolean;
};
type Answers = Record<string, Answer>;

type Meta = {
  status: Assessment['status'] | 'NEW';
  round?: number;
  version?: number;
  reviewNotes: NonNullable<Assessment['reviewNotes']>;
  startedFrom?: 'current' | 'empty';
  assessedAt?: string;
  /** The expert assigned to review it, once assigned. */
  reviewer?: string;
};

function answersFrom(reference: ReferenceData, source: Assessment | null): Answers {
  const all: Answers = {};
  for (const characteristic of reference.characteristics) {
    const entry = source?.characteristics.find((candidate) => candidate.characteristic === characteristic.code);
    const known = new Set(characteristic.criteria.map((criterion) => criterion.code));
    const met = new Set((entry?.criteriaMet ?? []).filter((code) => known.has(code)));
    const answers = { ...(entry?.evidence.answers ?? {}) };
    const links = entry?.evidence.links ?? [];
    const assessed = Boolean(
      entry &&
        ((characteristic.rated && entry.level !== undefined && entry.level !== 'NOT_ASSESSED') ||
          met.size > 0 ||
          Object.values(answers).some((answer) => answer.trim()) ||
          links.length > 0),
    );
    all[characteristic.code] = { met, answers, links: links.join('\n'), assessed };
  }
  return all;
}

/** The body of PUT …/assessment/draft: only the characteristics that are assessed. */
function draftBody(reference: ReferenceData, answers: Answers): AssessedCharacteristicInput[] {
  return reference.characteristics
    .filter((characteristic) => answers[characteristic.code]?.assessed)
    .map((characteristic) => {
      const answer = answers[characteristic.code]!;
      const texts = Object.fromEntries(
        Object.entries(answer.answers)
          .map(([code, text]) => [code, text.trim()] as const)
          .filter(([, text]) => text),
      );
      return {
        characteristic: characteristic.code as CharacteristicCode,
        criteriaMet: characteristic.criteria.map((criterion) => criterion.code).filter((code) => answer.met.has(code)),
        evidence: {
          answers: texts,
          links: answer.links
            .split('\n')
            .map((link) => link.trim())
            .filter(Boolean),
        },
      };
    });
}

function levelOf(characteristic: Characteristic, answer: Answer | undefined): string | undefined {
  if (!characteristic.rated) return undefined;
  if (!answer?.assessed) return 'NOT_ASSESSED';
  return derivedLevel(characteristic.criteria, answer.met);
}


/** Field errors of a save, per characteristic code (the API names them by position in the body). */
type FieldProblem = { field: string; message: string };

function errorsByCharacteristic(error: unknown, sent: string[]): Record<string, FieldProblem[]> {
  const result: Record<string, FieldProblem[]> = {};
  if (!isApiError(error)) return result;
  for (const problem of error.problem?.errors ?? []) {
    const match = /^characteristics\[(\d+)\]\.?(.*)$/.exec(problem.field ?? '');
    const code = match ? sent[Number(match[1])] : undefined;
    if (match && code && problem.message) (result[code] ??= []).push({ field: match[2] ?? '', message: problem.message });
  }
  return result;
}

function Editor({
  cityId,
  reference,
  source,
  initialMeta,
  onReload,
}: {
  cityId: string;
  reference: ReferenceData;
  source: Assessment | null;
  initialMeta: Meta;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation('assessment');
  const pick = usePick();
  const punctuation = usePunctuation();
  const characteristics = reference.characteristics;
  const [answers, setAnswers] = useState<Answers>(() => answersFrom(reference, source));
  const [meta, setMeta] = useState<Meta>(initialMeta);
  const [current, setCurrent] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string[]>([]);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const save = useSaveDraft(cityId);
  const submit = useSubmitDraft(cityId);

  const body = useMemo(() => draftBody(reference, answers), [reference, answers]);
  const snapshot = JSON.stringify(body);
  const [savedSnapshot, setSavedSnapshot] = useState(() =>
    initialMeta.status === 'NEW' ? null : JSON.stringify(draftBody(reference, answersFrom(reference, source))),
  );
  const dirty = snapshot !== savedSnapshot;
  const readOnly = meta.status === 'SUBMITTED';
  const busy = save.isPending || submit.isPending;

  useLeaveWarning(dirty && !readOnly);

  const fieldErrors = errorsByCharacteristic(error, sent);
  const otherFieldErrors = isApiError(error)
    ? (error.problem?.errors ?? []).filter((problem) => !/^characteristics\[\d+\]/.test(problem.field ?? ''))
    : [];

  function change(code: string, update: (answer: Answer) => Answer) {
    const characteristic = characteristics.find((entry) => entry.code === code)!;
    const before = answers[code]!;
    const after = { ...update(before), assessed: true };
    const oldLevel = levelOf(characteristic, before);
    const newLevel = levelOf(characteristic, after);
    setAnswers((all) => ({ ...all, [code]: after }));
    if (newLevel && newLevel !== oldLevel) {
      setAnnouncement(
        t('announce.level', { characteristic: pick(characteristic.name).text, level: t(`common:levels.${newLevel}`) }),
      );
    }
  }

  function toggle(code: string, criterion: string, checked: boolean) {
    change(code, (answer) => {
      const met = new Set(answer.met);
      if (checked) met.add(criterion);
      else met.delete(criterion);
      return { ...answer, met };
    });
  }

  async function saveNow(): Promise<number | undefined> {
    setError(null);
    const codes = body.map((entry) => entry.characteristic);
    setSent(codes);
    const request: AssessmentDraft = { characteristics: body, version: meta.version };
    const sentSnapshot = snapshot;
    try {
      const saved = await save.mutateAsync(request);
      setMeta((old) => ({
        ...old,
        status: saved.status,
        round: saved.round,
        version: saved.version,
        reviewNotes: saved.reviewNotes ?? old.reviewNotes,
        startedFrom: undefined,
      }));
      setSavedSnapshot(sentSnapshot);
      setAnnouncement(t('announce.saved'));
      return saved.version;
    } catch (failure) {
      setError(failure);
      return undefined;
    }
  }

  async function submitNow() {
    setConfirming(false);
    let version = meta.version;
    if (dirty || version === undefined) {
      version = await saveNow();
      if (version === undefined) return;
    }
    setError(null);
    try {
      const submitted = await submit.mutateAsync(version);
      setMeta((old) => ({
        ...old,
        status: submitted.status,
        version: submitted.version,
        reviewNotes: submitted.reviewNotes ?? old.reviewNotes,
        reviewer: submitted.reviewer?.name,
      }));
      setAnnouncement(t('announce.submitted'));
    } catch (failure) {
      setError(failure);
    }
  }

  function go(index: number) {
    setCurrent(index);
    requestAnimationFrame(() => panelHeading.current?.focus());
  }

  const characteristic = characteristics[current]!;
  const answer = answers[characteristic.code]!;
  const level = levelOf(characteristic, answer);
  const returned = meta.status === 'RETURNED' ? meta.reviewNotes.filter((note) => note.to === 'RETURNED').at(-1) : undefined;
  const panelErrors = (fieldErrors[characteristic.code] ?? []).filter((problem) => !problem.field.startsWith('evidence.links'));
  const linkErrors = (fieldErrors[characteristic.code] ?? []).filter((problem) => problem.field.startsWith('evidence.links'));
  const linksErrorId = `links-error-${characteristic.code}`;

  return (
    <>
      <p className="assessment__status">
        <span>
          {t('status.label')}
          {punctuation.colon}
          <strong className={`assessment__state assessment__state--${meta.status}`}>{t(`status.${meta.status}`)}</strong>
        </span>
        {meta.round !== undefined && <span className="muted">{t('round', { round: meta.round })}</span>}
      </p>
      {meta.startedFrom === 'current' && (
        <p className="status status--empty">{t('startedFromCurrent', { date: formatDate(meta.assessedAt, i18n.language) })}</p>
      )}
      {meta.startedFrom === 'empty' && <p className="status status--empty">{t('startedEmpty')}</p>}
      {meta.status === 'SUBMITTED' && <p className="status status--ok">{t('submittedNote')}</p>}
      {(meta.status === 'SUBMITTED' || meta.status === 'RETURNED') && (
        <p className="assessment__reviewer">{meta.reviewer ? t('reviewedBy', { name: meta.reviewer }) : t('awaitingReviewer')}</p>
      )}
      {meta.status === 'RETURNED' && (
        <div className="status status--error assessment__returned">
          <p className="status__heading">{t('returnedHeading')}</p>
          {returned?.note ? (
            <>
              <p className="status__detail">{t('returnedNote', { by: returned.by, date: formatDate(returned.at, i18n.language) })}</p>
              <blockquote>{returned.note}</blockquote>
            </>
          ) : (
            <p>{t('returnedNoNote')}</p>
          )}
        </div>
      )}

      <div className="assessment">
        <nav className="assessment__steps" aria-label={t('steps.label')}>
          <ol className="list-plain">
            {characteristics.map((entry, index) => (
              <li key={entry.code} className={`assessment__step${index === current ? ' assessment__step--current' : ''}`}>
                <button
                  type="button"
                  className="assessment__step-button"
                  aria-current={index === current ? 'step' : undefined}
                  onClick={() => go(index)}
                >
                  <span className="assessment__step-number">{index + 1}.</span> <Localized text={entry.name} />
                  {fieldErrors[entry.code] && <span className="field__error"> ({t('steps.hasErrors')})</span>}
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

        <section className="card assessment__panel" aria-labelledby="assessment-panel-heading">
          <p className="assessment__position">{t('steps.position', { step: current + 1, total: characteristics.length })}</p>
          <h2 id="assessment-panel-heading" ref={panelHeading} tabIndex={-1}>
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
          {panelErrors.length > 0 && (
            <ul className="field__error" role="alert">
              {panelErrors.map((problem) => (
                <li key={`${problem.field}-${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          )}

          {LEVELS_WITH_CRITERIA.map((levelCode) => {
            const criteria = characteristic.criteria.filter((criterion) => criterion.level === levelCode);
            if (!criteria.length) return null;
            const metCount = criteria.filter((criterion) => answer.met.has(criterion.code)).length;
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
                        checked={answer.met.has(criterion.code)}
                        disabled={readOnly}
                        onChange={(event) => toggle(characteristic.code, criterion.code, event.target.checked)}
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
            {characteristic.questions.map((question) => {
              const id = `answer-${question.code}`;
              return (
                <div key={question.code} className="field">
                  <label htmlFor={id}>
                    <Localized text={question.text} />
                  </label>
                  <textarea
                    id={id}
                    value={answer.answers[question.code] ?? ''}
                    readOnly={readOnly}
                    maxLength={4000}
                    onChange={(event) =>
                      change(characteristic.code, (old) => ({
                        ...old,
                        answers: { ...old.answers, [question.code]: event.target.value },
                      }))
                    }
                  />
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`links-${characteristic.code}`}>{t('evidence.links')}</label>
              <span className="field__hint" id={`links-hint-${characteristic.code}`}>
                {t('evidence.linksHint')}
              </span>
              <textarea
                id={`links-${characteristic.code}`}
                className="assessment__links"
                value={answer.links}
                readOnly={readOnly}
                aria-invalid={linkErrors.length > 0 || undefined}
                aria-describedby={`links-hint-${characteristic.code}${linkErrors.length ? ` ${linksErrorId}` : ''}`}
                onChange={(event) => change(characteristic.code, (old) => ({ ...old, links: event.target.value }))}
              />
              {linkErrors.length > 0 && (
                <span className="field__error" id={linksErrorId}>
                  {linkErrors.map((problem) => problem.message).join(punctuation.semicolon)}
                </span>
              )}
            </div>
          </fieldset>

          <div className="actions assessment__nav">
            <button type="button" className="button button--secondary" disabled={current === 0} onClick={() => go(current - 1)}>
              ← {t('steps.previous')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={current === characteristics.length - 1}
              onClick={() => go(current + 1)}
            >
              {t('steps.next')} →
            </button>
          </div>
        </section>
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {error !== null &&
        (isStaleVersion(error) ? (
          <StaleVersion
            error={error}
            heading={t('stale.heading')}
            body={t('stale.body')}
            reloadLabel={t('stale.reload')}
            onReload={onReload}
          />
        ) : (
          <div>
            <ErrorMessage error={error} />
            {isApiError(error) && error.status === 409 && (
              <div className="actions">
                <button type="button" className="button button--secondary" onClick={onReload}>
                  {t('stale.reload')}
                </button>
              </div>
            )}
            {!readOnly && <p className="field__hint">{t('save.failed')}</p>}
            {(otherFieldErrors.length > 0 || Object.keys(fieldErrors).length > 0) && (
              <div className="card">
                <p className="status__heading">{t('save.fieldErrors')}</p>
                <ul>
                  {Object.entries(fieldErrors).map(([code, messages]) => (
                    <li key={code}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => go(characteristics.findIndex((entry) => entry.code === code))}
                      >
                        <Localized text={characteristics.find((entry) => entry.code === code)?.name} />
                      </button>
                      {punctuation.colon}
                      {messages.map((problem) => problem.message).join(punctuation.semicolon)}
                    </li>
                  ))}
                  {otherFieldErrors.map((problem) => (
                    <li key={`${problem.field}-${problem.message}`}>
                      {punctuation.labelled(problem.field ?? '', problem.message ?? '')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        ))}

      {confirming && (
        <section className="card assessment__confirm" role="alertdialog" aria-labelledby="confirm-heading" aria-describedby="confirm-body">
          <h2 id="confirm-heading">{t('submit.confirmHeading')}</h2>
          <p id="confirm-body">{t('submit.confirmBody')}</p>
          <div className="actions">
            <button type="button" className="button" autoFocus onClick={() => void submitNow()}>
              {t('submit.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('submit.cancel')}
            </button>
          </div>
        </section>
      )}

      {!readOnly && (
        <div className="actions assessment__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void saveNow()}>
            {t('save.button')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy || confirming} onClick={() => setConfirming(true)}>
            {t('submit.button')}
          </button>
          <span className="assessment__save-state" role="status">
            {save.isPending
              ? t('save.saving')
              : submit.isPending
                ? t('submit.submitting')
                : dirty
                  ? savedSnapshot === null
                    ? t('save.never')
                    : t('save.dirty')
                  : t('save.clean')}
          </span>
        </div>
      )}
    </>
  );
}

export function SelfAssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessment');
  const pick = usePick();
  const reference = useReference();
  const draft = useAssessmentDraft(id);
  const current = useCurrentAssessment(id, draft.isSuccess && draft.data === null);
  const city = useCity(id);
  const [resetKey, setResetKey] = useState(0);
  const [reloading, setReloading] = useState(false);

  const cityName = city.data ? pick(city.data.name).text || id : id;
  const title = city.data ? t('title', { city: cityName }) : t('titleFallback');

  async function reload() {
    setReloading(true);
    await Promise.all([draft.refetch(), current.isFetched ? current.refetch() : undefined]);
    setResetKey((key) => key + 1);
    setReloading(false);
  }

  let content;
  if (reference.isError) content = <ErrorMessage error={reference.error} onRetry={() => void reference.refetch()} />;
  else if (draft.isError) content = <ErrorMessage error={draft.error} onRetry={() => void draft.refetch()} />;
  else if (current.isError) content = <ErrorMessage error={current.error} onRetry={() => void current.refetch()} />;
  else if (reference.isPending || draft.isPending || (draft.data === null && current.isPending) || reloading)
    content = <Loading />;
  else {
    const source = draft.data ?? current.data ?? null;
    const meta: Meta = draft.data
      ? {
          status: draft.data.status,
          round: draft.data.round,
          version: draft.data.version,
          reviewNotes: draft.data.reviewNotes ?? [],
          reviewer: draft.data.reviewer?.name,
        }
      : {
          status: 'NEW',
          reviewNotes: [],
          startedFrom: current.data ? 'current' : 'empty',
          assessedAt: current.data?.assessedAt,
        };
    content = (
      <Editor
        key={resetKey}
        cityId={id}
        reference={reference.data}
        source={source}
        initialMeta={meta}
        onReload={() => void reload()}
      />
    );
  }

  return (
    <div className="assessment-page">
      <PageHeader title={title}>
        <p>{t('intro')}</p>
      </PageHeader>
      {content}
    </div>
  );
}
