import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type FieldInputProps, FormField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { StaleVersion } from '../../../components/ui/stale-version';
import { useSession } from '../../../lib/auth/session';
import { formatDate } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { type ReferenceData, ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import { type CaseStudy, useCaseStudy } from '../api/case-study';
import { useCaseStudyAudit } from '../api/case-study-audit';
import { useCity } from '../../../lib/city/city';
import { CityCombobox } from '../../../components/city/CityCombobox';
import { useCreateCaseStudy } from '../api/create-case-study';
import { useSubmitCaseStudy } from '../api/submit-case-study';
import { useUpdateCaseStudy } from '../api/update-case-study';
import {
  type CaseStudyForm,
  emptyBenefit,
  emptyForm,
  emptyPartner,
  emptyStep,
  FLAGS,
  formErrors,
  formFrom,
  FROM_LEVELS,
  nextLevel,
  type RowMap,
  STAGES,
  toInput,
} from '../form';
import { fieldLabel } from '../field-labels';
import './case-study-editor.css';
import { useLeaveWarning } from '../../../lib/forms/leave-warning';

const EDITABLE = ['DRAFT', 'CHANGES_REQUESTED'];

/** An input id for an API field name: "steps[0].fromLevel" → "cs-steps-0-fromLevel". */
const idFor = (field: string) => `cs-${field.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

type Errors = Record<string, string>;

/** The first error among the API field names an input stands for. */
function errorOf(errors: Errors, fields: string[]): string | undefined {
  for (const field of fields) if (errors[field]) return errors[field];
  return undefined;
}

function Field({
  field,
  also = [],
  label,
  hint,
  errors,
  required,
  children,
}: {
  field: string;
  also?: string[];
  label: string;
  hint?: string;
  errors: Errors;
  required?: boolean;
  children: (props: FieldInputProps) => ReactNode;
}) {
  const { t } = useTranslation('case-study-editor');
  const marked = (
    <>
      {label}
      {required && (
        <span className="cs-editor__required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {required && <span className="visually-hidden"> ({t('required')})</span>}
    </>
  );
  return (
    <FormField id={idFor(field)} label={marked} hint={hint} error={errorOf(errors, [field, ...also])}>
      {children}
    </FormField>
  );
}

/**
 * A text written in English, Chinese or both: the two inputs under one legend, which says when at
 * least one of them is needed. An error about the text as a whole ("title") belongs to the group.
 */
function LanguagePair({
  field,
  legend,
  required,
  errors,
  children,
}: {
  field: string;
  legend: string;
  required?: boolean;
  errors: Errors;
  children: ReactNode;
}) {
  const { t } = useTranslation('case-study-editor');
  const id = idFor(field);
  const error = errors[field];
  const describedBy = [required ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="cs-editor__language-pair" id={id} tabIndex={-1} aria-describedby={describedBy || undefined}>
      <legend>
        {legend}
        {required && (
          <span className="cs-editor__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {required && <span className="visually-hidden"> ({t('required')})</span>}
      </legend>
      {required && (
        <p className="field__hint" id={`${id}-hint`}>
          {t('fields.eitherLanguage')}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="cs-editor__pair">{children}</div>
    </fieldset>
  );
}

/** A group of checkboxes over reference terms, with the group's error tied to the group. */
function TermChecks({
  field,
  legend,
  hint,
  terms,
  selected,
  onChange,
  errors,
  required,
}: {
  field: string;
  legend: string;
  hint?: string;
  terms: ReferenceData['serviceDomains'];
  selected: string[];
  onChange: (codes: string[]) => void;
  errors: Errors;
  required?: boolean;
}) {
  const { t } = useTranslation('case-study-editor');
  const id = idFor(field);
  const error = errors[field];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="cs-editor__checks" id={id} aria-describedby={describedBy || undefined} tabIndex={-1}>
      <legend>
        {legend}
        {required && <span aria-hidden="true"> *</span>}
        {required && <span className="visually-hidden"> ({t('required')})</span>}
      </legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="cs-editor__check-grid">
        {terms.map((term) => (
          <div className="checkbox" key={term.code}>
            <input
              type="checkbox"
              id={`${id}-${term.code}`}
              checked={selected.includes(term.code)}
              aria-invalid={error ? true : undefined}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, term.code] : selected.filter((code) => code !== term.code))
              }
            />
            <label htmlFor={`${id}-${term.code}`}>
              <Localized text={term.name} />
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Lists every field error (even of fields not on screen) with a link to its input. */
function ErrorSummary({ errors }: { errors: Errors }) {
  const { t } = useTranslation('case-study-editor');
  const { labelled } = usePunctuation();
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div className="card cs-editor__summary">
      <p className="status__heading">{t('errorSummary')}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${idFor(field)}`} onClick={(event) => focusField(event, field)}>
              {labelled(fieldLabel(field, t), message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Moves to the input for an API field name, or the closest one ("title" → the title's two inputs). */
function focusField(event: React.MouseEvent, field: string) {
  const candidates = [field, `${field}[en]`, field.replace(/\.[^.]+$/, ''), field.replace(/\[\d+\].*$/, '')];
  const target = candidates.map((candidate) => document.getElementById(idFor(candidate))).find(Boolean);
  if (target) {
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }
}

function Editor({
  study,
  reference,
  curatorNote,
  onReload,
}: {
  study: CaseStudy | undefined;
  reference: ReferenceData;
  curatorNote?: ReactNode;
  onReload: () => void;
}) {
  const { t } = useTranslation('case-study-editor');
  const pick = usePick();
  const punctuation = usePunctuation();
  const session = useSession();
  const navigate = useNavigate();
  const chooseCity = !study && (session.isCurator || !session.cityId);
  const [form, setForm] = useState<CaseStudyForm>(() => (study ? formFrom(study) : emptyForm(session.cityId ?? '')));
  const [version, setVersion] = useState(study?.version);
  const [id, setId] = useState(study?.id);
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<RowMap>({ steps: [], benefits: [], partners: [] });
  const [savedForm, setSavedForm] = useState(() => JSON.stringify(form));
  const [message, setMessage] = useState('');
  const create = useCreateCaseStudy();
  const update = useUpdateCaseStudy();
  const submit = useSubmitCaseStudy();
  const errorBox = useRef<HTMLDivElement>(null);
  const busy = create.isPending || update.isPending || submit.isPending;
  const dirty = JSON.stringify(form) !== savedForm;
  const allowNextNavigation = useLeaveWarning(dirty);

  const errors: Errors = isApiError(error) ? formErrors(error.fieldErrors(punctuation.semicolon), rows) : {};
  const set = <K extends keyof CaseStudyForm>(key: K, value: CaseStudyForm[K]) => setForm((old) => ({ ...old, [key]: value }));
  const text = (key: keyof CaseStudyForm) => ({
    value: form[key] as string,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(key, event.target.value as never),
  });
  const setRow = <L extends 'steps' | 'benefits' | 'partners'>(list: L, index: number, change: Partial<CaseStudyForm[L][number]>) =>
    setForm((old) => ({ ...old, [list]: old[list].map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  const removeRow = (list: 'steps' | 'benefits' | 'partners', index: number) =>
    setForm((old) => ({ ...old, [list]: old[list].filter((_, i) => i !== index) }));

  function failed(failure: unknown) {
    setError(failure);
    setMessage('');
    requestAnimationFrame(() => errorBox.current?.focus());
  }

  /** Creates or updates; the saved case study, or undefined when it failed. */
  async function save(): Promise<CaseStudy | undefined> {
    setError(null);
    setMessage('');
    const snapshot = JSON.stringify(form);
    const { body, rows: sentRows } = toInput(form, version);
    setRows(sentRows);
    try {
      const saved = id ? await update.mutateAsync({ id, body }) : await create.mutateAsync(body);
      setVersion(saved.version);
      setId(saved.id);
      setSavedForm(snapshot);
      return saved;
    } catch (failure) {
      failed(failure);
      return undefined;
    }
  }

  async function saveDraft() {
    const saved = await save();
    if (!saved) return;
    setMessage(t('saved'));
    if (!study) {
      allowNextNavigation();
      void navigate(`/case-studies/${encodeURIComponent(saved.id)}/edit`, { replace: true });
    }
  }

  async function submitForReview() {
    const saved = await save();
    if (!saved) return;
    try {
      const submitted = await submit.mutateAsync({ id: saved.id, version: saved.version });
      allowNextNavigation();
      void navigate(`/case-studies/${encodeURIComponent(submitted.id)}`);
    } catch (failure) {
      failed(failure);
    }
  }

  const rated = ratedCharacteristics(reference);
  const fixedCity = useCity(chooseCity ? '' : form.cityId);
  const cityName = fixedCity.data && pick(fixedCity.data.name).text ? <Localized text={fixedCity.data.name} /> : form.cityId;

  return (
    <form
      className="cs-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saveDraft();
      }}
    >
      {curatorNote}
      <div ref={errorBox} tabIndex={-1} className="cs-editor__errors">
        {error !== null &&
          (isStaleVersion(error) ? (
            <StaleVersion
              error={error}
              heading={t('stale.heading')}
              body={t('stale.body')}
              reloadLabel={t('stale.reload')}
              onReload={id ? onReload : undefined}
            />
          ) : (
            <>
              <ErrorMessage error={error} />
              <p className="field__hint">{t('failed')}</p>
              <ErrorSummary errors={errors} />
            </>
          ))}
      </div>

      <fieldset>
        <legend>{t('sections.basics')}</legend>
        {chooseCity ? (
          <Field field="cityId" label={t('fields.city')} errors={errors} required>
            {(props) => (
              <CityCombobox {...props} required value={form.cityId} onChange={(cityId) => set('cityId', cityId as never)} />
            )}
          </Field>
        ) : (
          <p className="cs-editor__city">
            <span className="muted">
              {t('fields.city')}
              {punctuation.colon}
            </span>
            <strong>{cityName}</strong>
          </p>
        )}
        <LanguagePair field="title" legend={t('fields.title')} errors={errors} required>
          <Field field="title[en]" label={t('fields.titleEn')} errors={errors}>
            {(props) => <input {...props} lang="en" maxLength={200} {...text('titleEn')} />}
          </Field>
          <Field field="title[zh]" label={t('fields.titleZh')} errors={errors}>
            {(props) => <input {...props} lang="zh-CN" maxLength={200} {...text('titleZh')} />}
          </Field>
        </LanguagePair>
        <LanguagePair field="summary" legend={t('fields.summary')} errors={errors} required>
          <Field field="summary[en]" label={t('fields.summaryEn')} hint={t('fields.summaryHint')} errors={errors}>
            {(props) => <textarea {...props} lang="en" maxLength={1000} {...text('summaryEn')} />}
          </Field>
          <Field field="summary[zh]" label={t('fields.summaryZh')} hint={t('fields.summaryHint')} errors={errors}>
            {(props) => <textarea {...props} lang="zh-CN" maxLength={1000} {...text('summaryZh')} />}
          </Field>
        </LanguagePair>
      </fieldset>

      <fieldset>
        <legend>{t('sections.story')}</legend>
        <div className="cs-editor__pair">
          <Field field="body[en]" also={['body']} label={t('fields.bodyEn')} hint={t('fields.bodyHint')} errors={errors}>
            {(props) => <textarea {...props} className="cs-editor__body" lang="en" {...text('bodyEn')} />}
          </Field>
          <Field field="body[zh]" label={t('fields.bodyZh')} hint={t('fields.bodyHint')} errors={errors}>
            {(props) => <textarea {...props} className="cs-editor__body" lang="zh-CN" {...text('bodyZh')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('sections.classification')}</legend>
        <TermChecks
          field="serviceDomains"
          legend={t('fields.domains')}
          hint={t('fields.domainsHint')}
          terms={reference.serviceDomains}
          selected={form.serviceDomains}
          onChange={(codes) => set('serviceDomains', codes)}
          errors={errors}
          required
        />
        <fieldset className="cs-editor__steps" id={idFor('steps')} tabIndex={-1} aria-describedby={`${idFor('steps')}-hint`}>
          <legend>{t('fields.steps')}</legend>
          <p className="field__hint" id={`${idFor('steps')}-hint`}>
            {t('fields.stepsHint')}
          </p>
          {errors.steps && <p className="field__error">{errors.steps}</p>}
          {form.steps.map((step, index) => {
            const n = index + 1;
            const to = nextLevel(step.fromLevel);
            return (
              <div className="cs-editor__row cs-editor__step" key={index}>
                <Field field={`steps[${index}].characteristic`} also={[`steps[${index}]`]} label={t('fields.stepCharacteristic', { n })} errors={errors}>
                  {(props) => (
                    <select {...props} value={step.characteristic} onChange={(event) => setRow('steps', index, { characteristic: event.target.value })}>
                      <option value="">{t('fields.chooseCharacteristic')}</option>
                      {rated.map((characteristic) => (
                        <option key={characteristic.code} value={characteristic.code}>
                          {pick(characteristic.name).text}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field field={`steps[${index}].fromLevel`} also={[`steps[${index}].toLevel`]} label={t('fields.stepFrom', { n })} errors={errors}>
                  {(props) => (
                    <select {...props} value={step.fromLevel} onChange={(event) => setRow('steps', index, { fromLevel: event.target.value })}>
                      <option value="">{t('fields.chooseLevel')}</option>
                      {FROM_LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {t(`common:levels.${level}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <p className="cs-editor__to" aria-live="polite">
                  <span className="muted">{t('fields.stepTo')}</span>{' '}
                  <strong>{to ? t(`common:levels.${to}`) : '—'}</strong>
                </p>
                <button type="button" className="button button--secondary cs-editor__remove" onClick={() => removeRow('steps', index)}>
                  {t('fields.removeStep', { n })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button button--secondary"
            disabled={form.steps.length >= 9}
            onClick={() => set('steps', [...form.steps, emptyStep()])}
          >
            {t('fields.addStep')}
          </button>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('sections.project')}</legend>
        <div className="grid grid--3">
          <Field field="stage" label={t('fields.stage')} errors={errors} required>
            {(props) => (
              <select {...props} {...text('stage')}>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(`fields.stages.${stage}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field="startDate" label={t('fields.startDate')} errors={errors}>
            {(props) => <input {...props} type="date" {...text('startDate')} />}
          </Field>
          <Field field="endDate" label={t('fields.endDate')} hint={t('fields.endDateHint')} errors={errors}>
            {(props) => <input {...props} type="date" {...text('endDate')} />}
          </Field>
        </div>
        <TermChecks
          field="technologies"
          legend={t('fields.technologies')}
          terms={reference.technologyTags}
          selected={form.technologies}
          onChange={(codes) => set('technologies', codes)}
          errors={errors}
        />
        <Field field="businessModel" label={t('fields.businessModel')} errors={errors}>
          {(props) => (
            <select {...props} {...text('businessModel')}>
              <option value="">{t('fields.noBusinessModel')}</option>
              {reference.businessModels.map((model) => (
                <option key={model.code} value={model.code}>
                  {pick(model.name).text}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="cs-editor__checks">
          <legend>{t('fields.flags')}</legend>
          <div className="cs-editor__check-grid">
            {FLAGS.map((flag) => (
              <div className="checkbox" key={flag}>
                <input
                  type="checkbox"
                  id={idFor(`flags.${flag}`)}
                  checked={form.flags[flag]}
                  onChange={(event) => set('flags', { ...form.flags, [flag]: event.target.checked })}
                />
                <label htmlFor={idFor(`flags.${flag}`)}>{t(`fields.flag.${flag}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('sections.funding')}</legend>
        <div className="grid grid--3">
          <Field field="funding.amount" label={t('fields.amount')} errors={errors}>
            {(props) => <input {...props} type="number" min={0} step="any" inputMode="decimal" {...text('fundingAmount')} />}
          </Field>
          <Field field="funding.currency" label={t('fields.currency')} hint={t('fields.currencyHint')} errors={errors}>
            {(props) => <input {...props} maxLength={3} autoCapitalize="characters" {...text('fundingCurrency')} />}
          </Field>
          <Field field="funding.publicSharePercent" label={t('fields.publicShare')} errors={errors}>
            {(props) => <input {...props} type="number" min={0} max={100} step="any" inputMode="decimal" {...text('fundingPublicShare')} />}
          </Field>
        </div>
        <TermChecks
          field="funding.instruments"
          legend={t('fields.instruments')}
          terms={reference.financingInstruments}
          selected={form.fundingInstruments}
          onChange={(codes) => set('fundingInstruments', codes)}
          errors={errors}
        />
      </fieldset>

      <fieldset>
        <legend>{t('sections.benefits')}</legend>
        {form.benefits.length === 0 && <p className="muted">{t('fields.noBenefits')}</p>}
        {form.benefits.map((benefit, index) => {
          const n = index + 1;
          const at = `benefits[${index}]`;
          return (
            <fieldset className="cs-editor__row-group" key={index}>
              <legend>{t('fields.benefit', { n })}</legend>
              <LanguagePair field={`${at}.description`} legend={t('fields.benefitDescription', { n })} errors={errors} required>
                <Field field={`${at}.description[en]`} label={t('fields.benefitDescriptionEn', { n })} errors={errors}>
                  {(props) => <input {...props} lang="en" value={benefit.descriptionEn} onChange={(event) => setRow('benefits', index, { descriptionEn: event.target.value })} />}
                </Field>
                <Field field={`${at}.description[zh]`} label={t('fields.benefitDescriptionZh', { n })} errors={errors}>
                  {(props) => <input {...props} lang="zh-CN" value={benefit.descriptionZh} onChange={(event) => setRow('benefits', index, { descriptionZh: event.target.value })} />}
                </Field>
              </LanguagePair>
              <div className="grid grid--3">
                <Field field={`${at}.baseline`} label={t('fields.baseline', { n })} errors={errors}>
                  {(props) => <input {...props} type="number" step="any" inputMode="decimal" value={benefit.baseline} onChange={(event) => setRow('benefits', index, { baseline: event.target.value })} />}
                </Field>
                <Field field={`${at}.result`} label={t('fields.result', { n })} errors={errors} required>
                  {(props) => <input {...props} type="number" step="any" inputMode="decimal" value={benefit.result} onChange={(event) => setRow('benefits', index, { result: event.target.value })} />}
                </Field>
                <Field field={`${at}.unit`} label={t('fields.unit', { n })} errors={errors} required>
                  {(props) => <input {...props} maxLength={40} value={benefit.unit} onChange={(event) => setRow('benefits', index, { unit: event.target.value })} />}
                </Field>
                <Field field={`${at}.year`} label={t('fields.year', { n })} errors={errors} required>
                  {(props) => <input {...props} type="number" min={1900} max={2100} inputMode="numeric" value={benefit.year} onChange={(event) => setRow('benefits', index, { year: event.target.value })} />}
                </Field>
              </div>
              <button type="button" className="button button--secondary" onClick={() => removeRow('benefits', index)}>
                {t('fields.removeBenefit', { n })}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button button--secondary" disabled={form.benefits.length >= 20} onClick={() => set('benefits', [...form.benefits, emptyBenefit()])}>
          {t('fields.addBenefit')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('sections.partners')}</legend>
        {form.partners.length === 0 && <p className="muted">{t('fields.noPartners')}</p>}
        {form.partners.map((partner, index) => {
          const n = index + 1;
          const at = `partners[${index}]`;
          return (
            <fieldset className="cs-editor__row-group" key={index}>
              <legend>{t('fields.partner', { n })}</legend>
              <div className="grid grid--3">
                <Field field={`${at}.name`} label={t('fields.partnerName', { n })} errors={errors} required>
                  {(props) => <input {...props} maxLength={200} value={partner.name} onChange={(event) => setRow('partners', index, { name: event.target.value })} />}
                </Field>
                <Field field={`${at}.role[en]`} also={[`${at}.role`]} label={t('fields.partnerRoleEn', { n })} errors={errors}>
                  {(props) => <input {...props} lang="en" maxLength={200} value={partner.roleEn} onChange={(event) => setRow('partners', index, { roleEn: event.target.value })} />}
                </Field>
                <Field field={`${at}.role[zh]`} label={t('fields.partnerRoleZh', { n })} errors={errors}>
                  {(props) => <input {...props} lang="zh-CN" maxLength={200} value={partner.roleZh} onChange={(event) => setRow('partners', index, { roleZh: event.target.value })} />}
                </Field>
              </div>
              <button type="button" className="button button--secondary" onClick={() => removeRow('partners', index)}>
                {t('fields.removePartner', { n })}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button button--secondary" disabled={form.partners.length >= 30} onClick={() => set('partners', [...form.partners, emptyPartner()])}>
          {t('fields.addPartner')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('sections.learning')}</legend>
        <div className="cs-editor__pair">
          <Field field="lessonsLearned[en]" also={['lessonsLearned']} label={t('fields.lessonsEn')} errors={errors}>
            {(props) => <textarea {...props} lang="en" maxLength={4000} {...text('lessonsEn')} />}
          </Field>
          <Field field="lessonsLearned[zh]" label={t('fields.lessonsZh')} errors={errors}>
            {(props) => <textarea {...props} lang="zh-CN" maxLength={4000} {...text('lessonsZh')} />}
          </Field>
          <Field field="inclusionMeasures[en]" also={['inclusionMeasures']} label={t('fields.inclusionEn')} errors={errors}>
            {(props) => <textarea {...props} lang="en" maxLength={4000} {...text('inclusionEn')} />}
          </Field>
          <Field field="inclusionMeasures[zh]" label={t('fields.inclusionZh')} errors={errors}>
            {(props) => <textarea {...props} lang="zh-CN" maxLength={4000} {...text('inclusionZh')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('sections.contact')}</legend>
        <div className="grid grid--3">
          <Field field="contact.name" also={['contact']} label={t('fields.contactName')} hint={t('fields.contactHint')} errors={errors}>
            {(props) => <input {...props} autoComplete="name" maxLength={200} {...text('contactName')} />}
          </Field>
          <Field field="contact.email" label={t('fields.contactEmail')} errors={errors}>
            {(props) => <input {...props} type="email" autoComplete="email" maxLength={254} {...text('contactEmail')} />}
          </Field>
          <Field field="licence" label={t('fields.licence')} hint={t('fields.licenceHint')} errors={errors}>
            {(props) => <input {...props} maxLength={40} {...text('licence')} />}
          </Field>
        </div>
      </fieldset>

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
                : message}
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
  );
}

function CuratorNote({ id }: { id: string }) {
  const { t, i18n } = useTranslation('case-study-editor');
  const audit = useCaseStudyAudit(id, true);
  const last = audit.data?.filter((entry) => entry.to === 'CHANGES_REQUESTED').at(-1);
  return (
    <div className="status status--error cs-editor__note">
      <p className="status__heading">{t('changesRequested')}</p>
      {audit.isPending ? (
        <Loading />
      ) : last?.note ? (
        <>
          <p className="status__detail">{t('curatorNote', { by: last.by, date: formatDate(last.at, i18n.language) })}</p>
          <blockquote>{last.note}</blockquote>
        </>
      ) : (
        <p>{t('noNote')}</p>
      )}
    </div>
  );
}

export function CaseStudyEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation('case-study-editor');
  const reference = useReference();
  const study = useCaseStudy(id);
  const session = useSession();
  const [resetKey, setResetKey] = useState(0);
  const [reloading, setReloading] = useState(false);
  const title = id ? t('titleEdit') : t('titleNew');

  async function reload() {
    setReloading(true);
    await study.refetch();
    setResetKey((key) => key + 1);
    setReloading(false);
  }

  let content: ReactNode;
  if (reference.isError) content = <ErrorMessage error={reference.error} onRetry={() => void reference.refetch()} />;
  else if (id && study.isError) content = <ErrorMessage error={study.error} onRetry={() => void study.refetch()} />;
  else if (reference.isPending || (id && study.isPending) || session.isLoading || reloading) content = <Loading />;
  else if (study.data && !EDITABLE.includes(study.data.status)) {
    content = (
      <div className="status status--empty">
        <p>{t('notEditable', { status: t(`statuses.${study.data.status}`) })}</p>
        <Link to={`/case-studies/${encodeURIComponent(study.data.id)}`}>{t('view')}</Link>
      </div>
    );
  } else {
    content = (
      <Editor
        key={`${study.data?.id ?? 'new'}-${resetKey}`}
        onReload={() => void reload()}
        study={study.data}
        reference={reference.data}
        curatorNote={study.data?.status === 'CHANGES_REQUESTED' ? <CuratorNote id={study.data.id} /> : undefined}
      />
    );
  }

  return (
    <div className="cs-editor-page">
      <PageHeader title={title}>
        {study.data && (
          <p>
            <Localized text={study.data.title} /> · {t('status', { status: t(`statuses.${study.data.status}`) })}
          </p>
        )}
        <p>{t('intro')}</p>
      </PageHeader>
      {content}
    </div>
  );
}
