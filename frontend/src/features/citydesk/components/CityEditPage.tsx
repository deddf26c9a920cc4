import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page';
import { StaleVersion } from '../../../components/ui/stale-version';
import { ErrorMessage, Loading, QueryView } from '../../../components/ui/status';
import { TableWrap } from '../../../components/ui/table-wrap';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { useCity, type City } from '../../../lib/city/city';
import { useLeaveWarning } from '../../../lib/forms/leave-warning';
import { pick } from '../../../lib/i18n/localized';
import type { Indicator } from '../api/indicators';
import { useUpdateCity, type CityInput } from '../api/update-city';
import { KpiPicker } from './KpiPicker';
import './citydesk.css';

type KpiDraft = { indicatorCode?: string; name: Record<string, string>; value: string; unit: string; year: string; source: string };
type Draft = {
  nameEn: string;
  nameZh: string;
  region: City['region'];
  country: string;
  population: string;
  areaKm2: string;
  visionEn: string;
  visionZh: string;
  kpis: KpiDraft[];
};

const REGIONS = ['EU', 'CHINA', 'OTHER'] as const;

function draftOf(city: City): Draft {
  return {
    nameEn: city.name.en ?? '',
    nameZh: city.name.zh ?? '',
    region: city.region,
    country: city.country,
    population: city.population?.toString() ?? '',
    areaKm2: city.areaKm2?.toString() ?? '',
    visionEn: city.vision.en ?? '',
    visionZh: city.vision.zh ?? '',
    kpis: city.kpis.map((kpi) => ({
      indicatorCode: kpi.indicatorCode,
      name: Object.fromEntries(Object.entries(kpi.name).filter((entry): entry is [string, string] => Boolean(entry[1]))),
      value: String(kpi.value),
      unit: kpi.unit,
      year: String(kpi.year),
      source: kpi.source ?? '',
    })),
  };
}

function withText(base: Record<string, string | undefined>, en: string, zh: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, en: en.trim(), zh: zh.trim() })) {
    if (value) result[key] = value;
  }
  return result;
}

function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function bodyOf(city: City, draft: Draft): CityInput {
  return {
    ...city,
    version: city.version,
    name: withText(city.name, draft.nameEn, draft.nameZh),
    region: draft.region,
    country: draft.country.trim().toUpperCase(),
    population: numberOrUndefined(draft.population),
    areaKm2: numberOrUndefined(draft.areaKm2),
    vision: withText(city.vision, draft.visionEn, draft.visionZh),
    kpis: draft.kpis.map((kpi) => ({
      indicatorCode: kpi.indicatorCode,
      name: kpi.name,
      value: Number(kpi.value.trim() === '' ? Number.NaN : kpi.value),
      unit: kpi.unit,
      year: Number(kpi.year),
      source: kpi.source.trim() || undefined,
    })),
  } as CityInput;
}

function Editor({ city, onReload }: { city: City; onReload: () => void }) {
  const { t, i18n } = useTranslation('citydesk');
  const session = useSession();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(city));
  const [dirty, setDirty] = useState(false);
  const update = useUpdateCity(city.id);
  const allowNavigation = useLeaveWarning(dirty);
  const errors = isApiError(update.error) ? update.error.fieldErrors() : {};
  const mayMove = session.isCurator;

  useEffect(() => {
    if (!dirty) setDraft(draftOf(city));
  }, [city]); // eslint-disable-line react-hooks/exhaustive-deps

  const change = (patch: Partial<Draft>) => {
    setDraft((old) => ({ ...old, ...patch }));
    setDirty(true);
  };
  const changeKpi = (index: number, patch: Partial<KpiDraft>) =>
    change({ kpis: draft.kpis.map((kpi, i) => (i === index ? { ...kpi, ...patch } : kpi)) });
  const addKpi = (indicator: Indicator) =>
    change({
      kpis: [
        ...draft.kpis,
        { indicatorCode: indicator.code, name: { ...indicator.title }, value: '', unit: indicator.unit, year: String(new Date().getFullYear() - 1), source: '' },
      ],
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(bodyOf(city, draft), {
      onSuccess: () => {
        setDirty(false);
        allowNavigation();
        void navigate('/my-city', { state: { saved: true } });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="citydesk__form">
      {update.isError &&
        (isStaleVersion(update.error) ? (
          <StaleVersion
            error={update.error}
            heading={t('stale.heading')}
            body={t('stale.body')}
            reloadLabel={t('stale.reload')}
            onReload={() => {
              setDirty(false);
              update.reset();
              onReload();
            }}
          />
        ) : (
          <ErrorMessage error={update.error} />
        ))}
      <fieldset>
        <legend>{t('profile.heading')}</legend>
        <div className="grid grid--2">
          <FormField id="city-name-en" label={t('profile.nameEn')} error={errors['name']}>
            {(props) => <input {...props} lang="en" value={draft.nameEn} onChange={(e) => change({ nameEn: e.target.value })} />}
          </FormField>
          <FormField id="city-name-zh" label={t('profile.nameZh')} error={errors['name']}>
            {(props) => <input {...props} lang="zh" value={draft.nameZh} onChange={(e) => change({ nameZh: e.target.value })} />}
          </FormField>
          <FormField id="city-region" label={t('profile.region')} hint={mayMove ? undefined : t('profile.moveHint')} error={errors['region']}>
            {(props) => (
              <select {...props} value={draft.region} disabled={!mayMove} onChange={(e) => change({ region: e.target.value as Draft['region'] })}>
                {REGIONS.map((region) => (
                  <option key={region} value={region}>
                    {t(`regions.${region}`, { ns: 'common' })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="city-country" label={t('profile.country')} hint={mayMove ? t('profile.countryHint') : t('profile.moveHint')} error={errors['country']}>
            {(props) => (
              <input {...props} value={draft.country} readOnly={!mayMove} maxLength={2} autoComplete="off" onChange={(e) => change({ country: e.target.value })} />
            )}
          </FormField>
          <FormField id="city-population" label={t('profile.population')} error={errors['population']}>
            {(props) => <input {...props} inputMode="numeric" value={draft.population} onChange={(e) => change({ population: e.target.value })} />}
          </FormField>
          <FormField id="city-area" label={t('profile.area')} error={errors['areaKm2']}>
            {(props) => <input {...props} inputMode="decimal" value={draft.areaKm2} onChange={(e) => change({ areaKm2: e.target.value })} />}
          </FormField>
        </div>
        <FormField id="city-vision-en" label={t('profile.visionEn')} error={errors['vision']}>
          {(props) => <textarea {...props} lang="en" rows={3} value={draft.visionEn} onChange={(e) => change({ visionEn: e.target.value })} />}
        </FormField>
        <FormField id="city-vision-zh" label={t('profile.visionZh')} error={errors['vision']}>
          {(props) => <textarea {...props} lang="zh" rows={3} value={draft.visionZh} onChange={(e) => change({ visionZh: e.target.value })} />}
        </FormField>
      </fieldset>

      <fieldset>
        <legend>{t('kpis.heading')}</legend>
        <p className="field__hint">{t('kpis.intro')}</p>
        {draft.kpis.length === 0 ? (
          <p className="status status--empty">{t('kpis.none')}</p>
        ) : (
          <TableWrap label={t('kpis.heading')}>
            <table className="table citydesk__kpis">
              <caption className="visually-hidden">{t('kpis.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpis.indicator')}</th>
                  <th scope="col">{t('kpis.value')}</th>
                  <th scope="col">{t('kpis.year')}</th>
                  <th scope="col">{t('kpis.source')}</th>
                  <th scope="col">{t('kpis.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {draft.kpis.map((kpi, index) => {
                  const title = pick(kpi.name, i18n.language).text;
                  const field = (name: string) => errors[`kpis[${index}].${name}`];
                  const codeError = field('indicatorCode');
                  return (
                    <tr key={index}>
                      <th scope="row">
                        {title}
                        <span className="citydesk__code">{kpi.indicatorCode ?? t('kpis.local')}</span>
                        {codeError && <span className="field__error">{codeError}</span>}
                      </th>
                      <td data-label={t('kpis.value')}>
                        <FormField id={`kpi-${index}-value`} label={<span className="visually-hidden">{t('kpis.valueOf', { title })}</span>} error={field('value') ?? field('unit')}>
                          {(props) => (
                            <span className="citydesk__value">
                              <input {...props} inputMode="decimal" value={kpi.value} onChange={(e) => changeKpi(index, { value: e.target.value })} />
                              <span>{kpi.unit}</span>
                            </span>
                          )}
                        </FormField>
                      </td>
                      <td data-label={t('kpis.year')}>
                        <FormField id={`kpi-${index}-year`} label={<span className="visually-hidden">{t('kpis.yearOf', { title })}</span>} error={field('year')}>
                          {(props) => <input {...props} inputMode="numeric" size={5} value={kpi.year} onChange={(e) => changeKpi(index, { year: e.target.value })} />}
                        </FormField>
                      </td>
                      <td data-label={t('kpis.source')}>
                        <FormField id={`kpi-${index}-source`} label={<span className="visually-hidden">{t('kpis.sourceOf', { title })}</span>} error={field('source')}>
                          {(props) => <input {...props} value={kpi.source} onChange={(e) => changeKpi(index, { source: e.target.value })} />}
                        </FormField>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('kpis.removeLabel', { title })}
                          onClick={() => change({ kpis: draft.kpis.filter((_, i) => i !== index) })}
                        >
                          {t('kpis.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        <KpiPicker taken={draft.kpis.map((kpi) => kpi.indicatorCode ?? '')} onPick={addKpi} />
      </fieldset>

      <div className="citydesk__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('save.saving') : t('save.save')}
        </button>
        <Link to="/my-city">{t('save.cancel')}</Link>
        {dirty && <span className="citydesk__muted">{t('save.unsaved')}</span>}
      </div>
    </form>
  );
}

/** The city's profile and KPIs, edited by its own editors (and curators and admins). */
export function CityEditPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('citydesk');
  const session = useSession();
  const city = useCity(id);
  const name = city.data ? pick(city.data.name, i18n.language).text || city.data.id : id;

  if (session.isLoading) return <Loading />;
  if (!session.isCurator && session.cityId !== id) {
    return (
      <>
        <PageHeader title={t('edit.title', { city: name })} />
        <p className="status status--error" role="alert">
          {session.cityId ? t('edit.ownOnly', { own: session.cityId }) : t('edit.forbidden')}
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('edit.title', { city: name })}>
        <p>{t('edit.intro')}</p>
      </PageHeader>
      <QueryView query={city}>{(data) => <Editor key={data.id} city={data} onReload={() => void city.refetch()} />}</QueryView>
    </>
  );
}
