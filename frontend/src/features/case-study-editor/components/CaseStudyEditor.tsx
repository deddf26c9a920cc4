import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage } from '../../../components/ui/status';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { useCity } from '../../../lib/city/city';
import { flattenErrors, useFormMessage } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import type { ReferenceData } from '../../../lib/reference/reference';
import type { CaseStudy } from '../api/case-study';
import { useCreateCaseStudy } from '../api/create-case-study';
import { useSubmitCaseStudy } from '../api/submit-case-study';
import { useUpdateCaseStudy } from '../api/update-case-study';
import { type CaseStudyForm, emptyForm, formErrors, formFrom, type RowMap, toInput } from '../form';
import { apiFieldOf, caseStudySchema } from '../schema';
import { EditorErrors, type Errors, ErrorSummary } from './fields';
import { BasicsSection } from './sections/BasicsSection';
import { BenefitsSection } from './sections/BenefitsSection';
import { ClassificationSection } from './sections/ClassificationSection';
import { ContactSection } from './sections/ContactSection';
import { FundingSection } from './sections/FundingSection';
import { LearningSection } from './sections/LearningSection';
import { PartnersSection } from './sections/PartnersSection';
import { StorySection } from './sections/StorySection';
import { ProjectSection } from './sections/ProjectSection';

/**
 * The case study form (react-hook-form, checked with `caseStudySchema` before anything is sent),
 * in one component per section. Unsaved changes are the form's dirty state; a save resets it.
 * `onLatestVersion` reads the newest saved version, for "keep my changes" after a stale version.
 */
export function CaseStudyEditor({
  study,
  reference,
  curatorNote,
  onReload,
  onLatestVersion,
}: {
  study: CaseStudy | undefined;
  reference: ReferenceData;
  curatorNote?: ReactNode;
  onReload: () => void;
  onLatestVersion: () => Promise<number | undefined>;
}) {
  const { t } = useTranslation('case-study-editor');
  const { t: tc } = useTranslation();
  const pick = usePick();
  const punctuation = usePunctuation();
  const session = useSession();
  const navigate = useNavigate();
  const message = useFormMessage();
  const chooseCity = !study && (session.isCurator || !session.cityId);
  const form = useForm<CaseStudyForm>({
    defaultValues: study ? formFrom(study) : emptyForm(session.cityId ?? ''),
    resolver: zodResolver(caseStudySchema),
    shouldFocusError: false,
  });
  const [version, setVersion] = useState(study?.version);
  const [id, setId] = useState(study?.id);
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<RowMap>({ steps: [], benefits: [], partners: [] });
  const [note, setNote] = useState('');
  const [keeping, setKeeping] = useState(false);
  const [kept, setKept] = useState(false);
  const create = useCreateCaseStudy();
  const update = useUpdateCaseStudy();
  const submit = useSubmitCaseStudy();
  const errorBox = useRef<HTMLDivElement>(null);
  const busy = create.isPending || update.isPending || submit.isPending;
  const dirty = form.formState.isDirty;
  const allowNextNavigation = useUnsavedChangesPrompt(form);

  const clientErrors: Errors = {};
  for (const [path, code] of Object.entries(flattenErrors(form.formState.errors))) clientErrors[apiFieldOf(path)] = message(code);
  const serverErrors: Errors = isApiError(error) ? formErrors(error.fieldErrors(punctuation.semicolon), rows) : {};
  const errors: Errors = { ...serverErrors, ...clientErrors };
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function failed(failure: unknown) {
    setError(failure);
    setNote('');
    requestAnimationFrame(() => errorBox.current?.focus());
  }

  /** Creates or updates; the saved case study, or undefined when it failed. */
  async function save(values: CaseStudyForm): Promise<CaseStudy | undefined> {
    setError(null);
    setNote('');
    setKept(false);
    const { body, rows: sentRows } = toInput(values, version);
    setRows(sentRows);
    try {
      const saved = id ? await update.mutateAsync({ id, body }) : await create.mutateAsync(body);
      setVersion(saved.version);
      setId(saved.id);
      form.reset(values, { keepValues: true }); // what was sent is now the saved state
      return saved;
    } catch (failure) {
      failed(failure);
      return undefined;
    }
  }

  const invalid = () => {
    setError(null);
    setNote('');
    requestAnimationFrame(() => errorBox.current?.focus());
  };

  const saveDraft = form.handleSubmit(async (values) => {
    const saved = await save(values);
    if (!saved) return;
    setNote(t('saved'));
    if (!study) {
      allowNextNavigation();
      void navigate(`/case-studies/${encodeURIComponent(saved.id)}/edit`, { replace: true });
    }
  }, invalid);

  const submitForReview = form.handleSubmit(async (values) => {
    const saved = await save(values);
    if (!saved) return;
    try {
      const submitted = await submit.mutateAsync({ id: saved.id, version: saved.version });
      allowNextNavigation();
      void navigate(`/case-studies/${encodeURIComponent(submitted.id)}`);
    } catch (failure) {
      failed(failure);
    }
  }, invalid);

  async function keepMine() {
    setKeeping(true);
    const latest = await onLatestVersion();
    setKeeping(false);
    if (latest === undefined) return;
    setVersion(latest);
    setError(null);
    setKept(true);
    requestAnimationFrame(() => errorBox.current?.focus());
  }

  const cityId = form.watch('cityId');
  const fixedCity = useCity(chooseCity ? '' : cityId);
  const cityName = fixedCity.data && pick(fixedCity.data.name).text ? <Localized text={fixedCity.data.name} /> : cityId;

  return (
    <FormProvider {...form}>
      <EditorErrors.Provider value={errors}>
        <form className="cs-editor" noValidate onSubmit={(event) => void saveDraft(event)}>
          {curatorNote}
          <div ref={errorBox} tabIndex={-1} className="cs-editor__errors">
            {kept && <p className="status status--empty">{tc('staleVersion.keptMine')}</p>}
            {isStaleVersion(error) ? (
              <StaleVersionBanner
                error={error}
                what={t('stale.what')}
                busy={keeping}
                onReload={id ? onReload : undefined}
                onKeepMine={id ? () => void keepMine() : undefined}
              />
            ) : error !== null ? (
              <>
                <ErrorMessage error={error} />
                <p className="field__hint">{t('failed')}</p>
                <ErrorSummary />
              </>
            ) : (
              hasClientErrors && (
                <>
                  <p className="field__hint">{t('failed')}</p>
                  <ErrorSummary />
                </>
              )
            )}
          </div>

          <BasicsSection chooseCity={chooseCity} cityName={cityName} />
          <StorySection />
          <ClassificationSection reference={reference} />
          <ProjectSection reference={reference} />
          <FundingSection reference={reference} />
          <BenefitsSection />
          <PartnersSection />
          <LearningSection />
          <ContactSection />

          <div className="actions cs-editor__actions">
            <button type="submit" className="button" disabled={busy}>
              {t('actions.save')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void submitForReview()}>
              {t('actions.submit')}
            </button>
            <span className="cs-editor__state" role="status">
              {create.isPending || update.isPending
                ? t('actions.saving')
                : submit.isPending
                  ? t('actions.submitting')
                  : dirty
                    ? t('unsaved')
                    : note}
            </span>
          </div>
          <p className="small">
            <Link to="/my-city">{t('actions.cancel')}</Link>
            {study && (
              <>
                {' · '}
                <Link to={`/case-studies/${encodeURIComponent(study.id)}`}>{t('view')}</Link>
              </>
            )}
          </p>
        </form>
      </EditorErrors.Provider>
    </FormProvider>
  );
}
