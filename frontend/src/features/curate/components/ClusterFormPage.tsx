import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage, QueryView } from '../../../components/ui/status';
import { isStaleVersion } from '../../../lib/api/problem';
import { FORM_MESSAGES, useFormMessage } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { pick } from '../../../lib/i18n/localized';
import { useEditCluster, useEditedCluster, useProposeCluster, type Cluster } from '../api/cluster-form';
import { clusterInputOf, clusterSchema, clusterValuesOf, type ClusterValues, EMPTY_CLUSTER } from '../cluster-schema';
import { ClusterInvitees } from './ClusterInvitees';
import { ClusterTopicFields } from './ClusterTopicFields';
import './curate.css';

/**
 * The cluster form (react-hook-form, checked with `clusterSchema` before anything is sent).
 * Unsaved changes are the form's dirty state. `onLatest` reads the newest saved cluster, for
 * "reload" and "keep my changes" after a stale version.
 */
function ClusterForm({ cluster, onLatest }: { cluster?: Cluster; onLatest?: () => Promise<Cluster | undefined> }) {
  const { t } = useTranslation('curate');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const message = useFormMessage();
  const form = useForm<ClusterValues>({
    defaultValues: cluster ? clusterValuesOf(cluster) : EMPTY_CLUSTER,
    resolver: zodResolver(clusterSchema),
    shouldFocusError: false,
  });
  const [version, setVersion] = useState(cluster?.version);
  const [error, setError] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [kept, setKept] = useState(false);
  const errorBox = useRef<HTMLDivElement>(null);
  const propose = useProposeCluster();
  const edit = useEditCluster();
  const busy = propose.isPending || edit.isPending;
  const allowNextNavigation = useUnsavedChangesPrompt(form);
  const members = cluster?.members.map((member) => member.cityId) ?? [];
  const nameCode = form.formState.errors.nameEn?.message;
  const nameError = nameCode ? (nameCode in FORM_MESSAGES ? message(nameCode) : t(nameCode)) : undefined;

  const save = form.handleSubmit(
    async (values) => {
      setError(null);
      setKept(false);
      const input = clusterInputOf(values, cluster);
      try {
        const saved =
          cluster && version !== undefined
            ? await edit.mutateAsync({ id: cluster.id, version, input, invitedCityIds: values.invited })
            : await propose.mutateAsync({ ...input, invitedCityIds: values.invited });
        form.reset(values, { keepValues: true });
        allowNextNavigation();
        void navigate(`/clusters/${encodeURIComponent(saved.id)}`);
      } catch (failure) {
        setError(failure);
        requestAnimationFrame(() => errorBox.current?.focus());
      }
    },
    () => setError(null),
  );

  /** Reads the newest version; "reload" also replaces the input with it, "keep mine" only saves over it next. */
  async function latest(replace: boolean) {
    if (!onLatest) return;
    setRefreshing(true);
    const newest = await onLatest();
    setRefreshing(false);
    if (!newest) return;
    setVersion(newest.version);
    setError(null);
    if (replace) form.reset(clusterValuesOf(newest));
    setKept(!replace);
  }

  return (
    <FormProvider {...form}>
      <form className="curate__form stack" onSubmit={(event) => void save(event)} noValidate>
        <fieldset>
          <legend>{t('clusterForm.name')}</legend>
          <FormField id="cluster-name-en" label={t('clusterForm.nameEn')} error={nameError}>
            {(props) => <input {...props} lang="en" maxLength={200} {...form.register('nameEn')} />}
          </FormField>
          <FormField id="cluster-name-zh" label={t('clusterForm.nameZh')}>
            {(props) => <input {...props} lang="zh" maxLength={200} {...form.register('nameZh')} />}
          </FormField>
        </fieldset>
        <fieldset>
          <legend>{t('clusterForm.purpose')}</legend>
          <FormField id="cluster-purpose-en" label={t('clusterForm.purposeEn')}>
            {(props) => <textarea {...props} lang="en" rows={3} maxLength={2000} {...form.register('purposeEn')} />}
          </FormField>
          <FormField id="cluster-purpose-zh" label={t('clusterForm.purposeZh')}>
            {(props) => <textarea {...props} lang="zh" rows={3} maxLength={2000} {...form.register('purposeZh')} />}
          </FormField>
        </fieldset>
        <ClusterTopicFields />
        <ClusterInvitees members={members} />
        <div ref={errorBox} tabIndex={-1}>
          {kept && <p className="status status--empty">{tc('staleVersion.keptMine')}</p>}
          {isStaleVersion(error) ? (
            <StaleVersionBanner
              error={error}
              what={t('clusterForm.stale.what')}
              busy={refreshing}
              onReload={onLatest ? () => void latest(true) : undefined}
              onKeepMine={onLatest ? () => void latest(false) : undefined}
            />
          ) : (
            error !== null && <ErrorMessage error={error} />
          )}
        </div>
        <div className="curate__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('clusterForm.saving') : cluster ? t('clusterForm.save') : t('clusterForm.propose')}
          </button>
          <Link className="button button--secondary" to={cluster ? `/clusters/${encodeURIComponent(cluster.id)}` : '/clusters'}>
            {t('clusterForm.cancel')}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

/** A curator proposes a cluster by hand (/clusters/new) or edits one and who is invited (/clusters/:id/edit). */
export function ClusterFormPage() {
  const { t, i18n } = useTranslation('curate');
  const { id } = useParams();
  const query = useEditedCluster(id);
  if (!id) {
    return (
      <>
        <PageHeader title={t('clusterForm.newTitle')}>
          <p>{t('clusterForm.newIntro')}</p>
        </PageHeader>
        <ClusterForm />
      </>
    );
  }
  return (
    <QueryView query={query}>
      {(cluster) => (
        <>
          <PageHeader title={t('clusterForm.editTitle', { name: pick(cluster.name, i18n.language).text || cluster.id })} />
          <ClusterForm key={cluster.id} cluster={cluster} onLatest={() => query.refetch().then((result) => result.data)} />
        </>
      )}
    </QueryView>
  );
}
