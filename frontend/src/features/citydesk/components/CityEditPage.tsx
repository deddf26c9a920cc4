import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage, Loading, QueryView } from '../../../components/ui/status';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { useCity, type City } from '../../../lib/city/city';
import { flattenErrors, useFormMessage } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { pick } from '../../../lib/i18n/localized';
import { useUpdateCity } from '../api/update-city';
import { apiFieldOf, bodyOf, type CityDraft, cityDraftSchema, draftOf } from '../city-form';
import { CityProfileFields } from './CityProfileFields';
import { KpiTable } from './KpiTable';
import './citydesk.css';

/**
 * The profile and KPI form (react-hook-form, checked with `cityDraftSchema` before anything is
 * sent). Unsaved changes are the form's dirty state. `onLatest` reads the newest saved city, for
 * "reload" and "keep my changes" after a stale version (the version sent is always `city`'s).
 */
function Editor({ city, onLatest }: { city: City; onLatest: () => Promise<City | undefined> }) {
  const { t } = useTranslation('citydesk');
  const { t: tc } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const message = useFormMessage();
  const form = useForm<CityDraft>({ defaultValues: draftOf(city), resolver: zodResolver(cityDraftSchema), shouldFocusError: false });
  const update = useUpdateCity(city.id);
  const [refreshing, setRefreshing] = useState(false);
  const [kept, setKept] = useState(false);
  const errorBox = useRef<HTMLDivElement>(null);
  const allowNextNavigation = useUnsavedChangesPrompt(form);
  const dirty = form.formState.isDirty;
  const clientErrors: Record<string, string> = {};
  for (const [path, code] of Object.entries(flattenErrors(form.formState.errors))) clientErrors[apiFieldOf(path)] = message(code);
  const serverErrors = isApiError(update.error) ? update.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...clientErrors };

  useEffect(() => {
    if (!form.formState.isDirty) form.reset(draftOf(city)); // a newer city read while nothing was typed
  }, [city]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = form.handleSubmit(
    async (draft) => {
      setKept(false);
      try {
        await update.mutateAsync(bodyOf(city, draft));
        form.reset(draft, { keepValues: true });
        allowNextNavigation();
        void navigate('/my-city', { state: { saved: true } });
      } catch {
        requestAnimationFrame(() => errorBox.current?.focus());
      }
    },
    () => {
      update.reset();
      requestAnimationFrame(() => errorBox.current?.focus());
    },
  );

  /** Reads the newest city; "reload" also replaces the input with it, "keep mine" only saves over it next. */
  async function latest(replace: boolean) {
    setRefreshing(true);
    const newest = await onLatest();
    setRefreshing(false);
    if (!newest) return;
    update.reset();
    if (replace) form.reset(draftOf(newest));
    setKept(!replace);
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void save(event)} noValidate className="citydesk__form">
        <div ref={errorBox} tabIndex={-1}>
          {kept && <p className="status status--empty">{tc('staleVersion.keptMine')}</p>}
          {isStaleVersion(update.error) ? (
            <StaleVersionBanner
              error={update.error}
              what={t('stale.what')}
              busy={refreshing}
              onReload={() => void latest(true)}
              onKeepMine={() => void latest(false)}
            />
          ) : update.isError ? (
            <ErrorMessage error={update.error} />
          ) : (
            Object.keys(clientErrors).length > 0 && <p className="field__hint">{t('save.invalid')}</p>
          )}
        </div>
        <CityProfileFields errors={errors} mayMove={session.isCurator} />
        <KpiTable errors={errors} />
        <div className="citydesk__actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? t('save.saving') : t('save.save')}
          </button>
          <Link to="/my-city">{t('save.cancel')}</Link>
          {dirty && <span className="citydesk__muted">{t('save.unsaved')}</span>}
        </div>
      </form>
    </FormProvider>
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
      <QueryView query={city}>
        {(data) => <Editor key={data.id} city={data} onLatest={() => city.refetch().then((result) => result.data)} />}
      </QueryView>
    </>
  );
}
