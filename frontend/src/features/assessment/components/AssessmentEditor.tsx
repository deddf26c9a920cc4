import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { flattenErrors, useFormMessage } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { usePick } from '../../../lib/i18n/localized';
import type { ReferenceData } from '../../../lib/reference/reference';
import type { Assessment } from '../api/assessment-draft';
import { type AssessmentDraft, useSaveDraft } from '../api/save-draft';
import { useSubmitDraft } from '../api/submit-draft';
import { type AssessmentForm, assessmentSchema, draftBody, errorsByCharacteristic, formFrom } from '../form';
import { AssessmentStatus, type Meta } from './AssessmentStatus';
import { CharacteristicPanel } from './CharacteristicPanel';
import { SaveProblems } from './SaveProblems';
import { StepNav } from './StepNav';

/**
 * The self-assessment form (react-hook-form): one characteristic at a time, the level derived from
 * the criteria ticked. Unsaved changes are the form's dirty state; a save resets it.
 * `onLatestVersion` reads the newest saved version, for "keep my changes" after a stale version.
 */
export function AssessmentEditor({
  cityId,
  reference,
  source,
  initialMeta,
  onReload,
  onLatestVersion,
}: {
  cityId: string;
  reference: ReferenceData;
  source: Assessment | null;
  initialMeta: Meta;
  onReload: () => void;
  onLatestVersion: () => Promise<number | undefined>;
}) {
  const { t } = useTranslation('assessment');
  const { t: tc } = useTranslation();
  const pick = usePick();
  const message = useFormMessage();
  const characteristics = reference.characteristics;
  const form = useForm<AssessmentForm>({
    defaultValues: formFrom(reference, source),
    resolver: zodResolver(assessmentSchema),
    shouldFocusError: false,
  });
  const [meta, setMeta] = useState<Meta>(initialMeta);
  const [current, setCurrent] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string[]>([]);
  const [keeping, setKeeping] = useState(false);
  const [kept, setKept] = useState(false);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const save = useSaveDraft(cityId);
  const submit = useSubmitDraft(cityId);
  const dirty = form.formState.isDirty;
  const readOnly = meta.status === 'SUBMITTED';
  const busy = save.isPending || submit.isPending;
  useUnsavedChangesPrompt(form, { disabled: readOnly });

  // Problems per characteristic: the server's (by position in the body sent) and the form's own.
  const problems: Record<string, string[]> = {};
  const linkProblems: Record<string, string[]> = {};
  for (const [code, list] of Object.entries(errorsByCharacteristic(error, sent)))
    for (const problem of list) ((problem.field.startsWith('evidence.links') ? linkProblems : problems)[code] ??= []).push(problem.message);
  for (const [path, code] of Object.entries(flattenErrors(form.formState.errors))) {
    const [, characteristic] = path.split('.');
    if (characteristic) (linkProblems[characteristic] ??= []).push(message(code));
  }
  const all: Record<string, string[]> = {};
  for (const source of [problems, linkProblems]) for (const [code, list] of Object.entries(source)) (all[code] ??= []).push(...list);
  const withErrors = new Set(Object.keys(all));

  async function saveNow(values: AssessmentForm): Promise<number | undefined> {
    setError(null);
    setKept(false);
    const body = draftBody(reference, values);
    setSent(body.map((entry) => entry.characteristic));
    const request: AssessmentDraft = { characteristics: body, version: meta.version };
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
      form.reset(values, { keepValues: true });
      setAnnouncement(t('announce.saved'));
      return saved.version;
    } catch (failure) {
      setError(failure);
      return undefined;
    }
  }

  const saveDraft = form.handleSubmit(async (values) => void (await saveNow(values)), () => setError(null));

  const submitNow = form.handleSubmit(
    async (values) => {
      setConfirming(false);
      let version = meta.version;
      if (dirty || version === undefined) {
        version = await saveNow(values);
        if (version === undefined) return;
      }
      setError(null);
      try {
        const submitted = await submit.mutateAsync(version);
        setMeta((old) => ({ ...old, status: submitted.status, version: submitted.version, reviewNotes: submitted.reviewNotes ?? old.reviewNotes, reviewer: submitted.reviewer?.name }));
        setAnnouncement(t('announce.submitted'));
      } catch (failure) {
        setError(failure);
      }
    },
    () => setConfirming(false),
  );

  async function keepMine() {
    setKeeping(true);
    const latest = await onLatestVersion();
    setKeeping(false);
    if (latest === undefined) return;
    setMeta((old) => ({ ...old, version: latest }));
    setError(null);
    setKept(true);
  }

  function go(index: number) {
    setCurrent(index);
    requestAnimationFrame(() => panelHeading.current?.focus());
  }

  const characteristic = characteristics[current]!;
  return (
    <FormProvider {...form}>
      <AssessmentStatus meta={meta} />
      <div className="assessment">
        <StepNav characteristics={characteristics} current={current} withErrors={withErrors} onGo={go} />
        <CharacteristicPanel
          key={characteristic.code}
          characteristic={characteristic}
          position={current}
          total={characteristics.length}
          readOnly={readOnly}
          problems={problems[characteristic.code] ?? []}
          linkProblems={linkProblems[characteristic.code] ?? []}
          headingRef={panelHeading}
          onGo={go}
          onLevelChange={(level) =>
            setAnnouncement(t('announce.level', { characteristic: pick(characteristic.name).text, level: t(`common:levels.${level}`) }))
          }
        />
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {kept && <p className="status status--empty">{tc('staleVersion.keptMine')}</p>}
      {(error !== null || withErrors.size > 0) && (
        <SaveProblems
          error={error}
          characteristics={characteristics}
          problems={all}
          readOnly={readOnly}
          keeping={keeping}
          onReload={onReload}
          onKeepMine={meta.version !== undefined ? () => void keepMine() : undefined}
          onGo={go}
        />
      )}

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
          <button type="button" className="button" disabled={busy} onClick={() => void saveDraft()}>
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
                  ? t('save.dirty')
                  : meta.status === 'NEW'
                    ? t('save.never')
                    : t('save.clean')}
          </span>
        </div>
      )}
    </FormProvider>
  );
}
