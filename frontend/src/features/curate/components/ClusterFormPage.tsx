import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CityCombobox } from '../../../components/city/CityCombobox';
import { FormField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page';
import { StaleVersion } from '../../../components/ui/stale-version';
import { ErrorMessage, QueryView } from '../../../components/ui/status';
import { isStaleVersion } from '../../../lib/api/problem';
import { useCityNames } from '../../../lib/city/city-names';
import { characteristicName, termName } from '../../../lib/format/names';
import { pick } from '../../../lib/i18n/localized';
import { ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import { useEditCluster, useEditedCluster, useProposeCluster, type Cluster, type ClusterInput } from '../api/cluster-form';
import './curate.css';

type Topic = NonNullable<ClusterInput['topic']>;
type Domain = NonNullable<Topic['serviceDomains']>[number];
type CharacteristicCode = NonNullable<Topic['characteristics']>[number];

type Values = {
  nameEn: string;
  nameZh: string;
  purposeEn: string;
  purposeZh: string;
  serviceDomains: Domain[];
  characteristics: CharacteristicCode[];
  invited: string[];
};

const EMPTY: Values = {
  nameEn: '',
  nameZh: '',
  purposeEn: '',
  purposeZh: '',
  serviceDomains: [],
  characteristics: [],
  invited: [],
};

function valuesOf(cluster: Cluster): Values {
  return {
    nameEn: cluster.name.en ?? '',
    nameZh: cluster.name.zh ?? '',
    purposeEn: cluster.purpose.en ?? '',
    purposeZh: cluster.purpose.zh ?? '',
    serviceDomains: [...(cluster.topic.serviceDomains ?? [])] as Domain[],
    characteristics: [...(cluster.topic.characteristics ?? [])] as CharacteristicCode[],
    invited: cluster.invited.map((invitation) => invitation.cityId),
  };
}

/** A text map of the languages filled in: {en?, zh?}. */
function texts(en: string, zh: string): Record<string, string> {
  const map: Record<string, string> = {};
  if (en.trim()) map.en = en.trim();
  if (zh.trim()) map.zh = zh.trim();
  return map;
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/** The invited cities: each with a button to uninvite it, and a city search to invite one more. */
function Invitees({ invited, members, onChange }: { invited: string[]; members: string[]; onChange: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation('curate');
  const names = useCityNames(invited).data;
  const [adding, setAdding] = useState('');
  const comboId = useId();
  const headingId = useId();
  const add = () => {
    if (adding && !invited.includes(adding) && !members.includes(adding)) onChange([...invited, adding]);
    setAdding('');
  };
  return (
    <fieldset className="curate__invitees" aria-labelledby={headingId}>
      <legend id={headingId}>{t('clusterForm.invited')}</legend>
      {invited.length === 0 ? (
        <p className="muted">{t('clusterForm.noInvited')}</p>
      ) : (
        <ul className="curate__invited-list">
          {invited.map((cityId) => {
            const name = pick(names?.get(cityId), i18n.language).text || cityId;
            return (
              <li key={cityId}>
                <span>{name}</span>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('clusterForm.uninvite', { city: name })}
                  onClick={() => onChange(invited.filter((id) => id !== cityId))}
                >
                  {t('clusterForm.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="curate__add-city">
        <div className="field">
          <label htmlFor={comboId}>{t('clusterForm.addCity')}</label>
          <CityCombobox id={comboId} value={adding} onChange={setAdding} />
        </div>
        <button type="button" className="button button--secondary" disabled={!adding} onClick={add}>
          {t('clusterForm.invite')}
        </button>
      </div>
      {members.length > 0 && <p className="muted small">{t('clusterForm.membersStay', { count: members.length })}</p>}
    </fieldset>
  );
}

function ClusterForm({ cluster }: { cluster?: Cluster }) {
  const { t, i18n } = useTranslation('curate');
  const reference = useReference().data;
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(cluster ? valuesOf(cluster) : EMPTY);
  const [nameError, setNameError] = useState(false);
  const propose = useProposeCluster();
  const edit = useEditCluster();
  const mutation = cluster ? edit : propose;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const members = cluster?.members.map((member) => member.cityId) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = texts(values.nameEn, values.nameZh);
    if (Object.keys(name).length === 0) {
      setNameError(true);
      return;
    }
    setNameError(false);
    const input: ClusterInput = {
      name,
      purpose: texts(values.purposeEn, values.purposeZh),
      topic: { serviceDomains: values.serviceDomains, characteristics: values.characteristics, keywords: cluster?.topic.keywords ?? [] },
      caseStudyIds: cluster?.caseStudyIds ?? [],
      expertIds: cluster?.expertIds ?? [],
    };
    const done = (saved: Cluster) => void navigate(`/clusters/${encodeURIComponent(saved.id)}`);
    if (cluster) {
      edit.mutate({ id: cluster.id, version: cluster.version, input, invitedCityIds: values.invited }, { onSuccess: done });
    } else {
      propose.mutate({ ...input, invitedCityIds: values.invited }, { onSuccess: done });
    }
  };

  return (
    <form className="curate__form stack" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('clusterForm.name')}</legend>
        <FormField id="cluster-name-en" label={t('clusterForm.nameEn')} error={nameError ? t('clusterForm.nameRequired') : undefined}>
          {(props) => <input {...props} lang="en" value={values.nameEn} maxLength={200} onChange={(e) => set('nameEn', e.target.value)} />}
        </FormField>
        <FormField id="cluster-name-zh" label={t('clusterForm.nameZh')}>
          {(props) => <input {...props} lang="zh" value={values.nameZh} maxLength={200} onChange={(e) => set('nameZh', e.target.value)} />}
        </FormField>
      </fieldset>
      <fieldset>
        <legend>{t('clusterForm.purpose')}</legend>
        <FormField id="cluster-purpose-en" label={t('clusterForm.purposeEn')}>
          {(props) => (
            <textarea {...props} lang="en" rows={3} maxLength={2000} value={values.purposeEn} onChange={(e) => set('purposeEn', e.target.value)} />
          )}
        </FormField>
        <FormField id="cluster-purpose-zh" label={t('clusterForm.purposeZh')}>
          {(props) => (
            <textarea {...props} lang="zh" rows={3} maxLength={2000} value={values.purposeZh} onChange={(e) => set('purposeZh', e.target.value)} />
          )}
        </FormField>
      </fieldset>
      <fieldset className="curate__checks">
        <legend>{t('clusterForm.interests')}</legend>
        {(reference?.serviceDomains ?? []).map((domain) => (
          <label key={domain.code} className="checkbox">
            <input
              type="checkbox"
              checked={values.serviceDomains.includes(domain.code as Domain)}
              onChange={(e) => set('serviceDomains', toggle(values.serviceDomains, domain.code as Domain, e.target.checked))}
            />
            {termName(reference, 'serviceDomains', domain.code, i18n.language)}
          </label>
        ))}
      </fieldset>
      <fieldset className="curate__checks">
        <legend>{t('clusterForm.characteristics')}</legend>
        {(reference ? ratedCharacteristics(reference) : []).map((characteristic) => (
          <label key={characteristic.code} className="checkbox">
            <input
              type="checkbox"
              checked={values.characteristics.includes(characteristic.code)}
              onChange={(e) => set('characteristics', toggle(values.characteristics, characteristic.code, e.target.checked))}
            />
            {characteristicName(reference, characteristic.code, i18n.language)}
          </label>
        ))}
      </fieldset>
      <Invitees invited={values.invited} members={members} onChange={(ids) => set('invited', ids)} />
      {mutation.isError &&
        (isStaleVersion(mutation.error) ? (
          <StaleVersion
            error={mutation.error}
            heading={t('clusterForm.staleHeading')}
            body={t('clusterForm.staleBody')}
            reloadLabel={t('clusterForm.reload')}
            onReload={() => window.location.reload()}
          />
        ) : (
          <ErrorMessage error={mutation.error} />
        ))}
      <div className="curate__actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('clusterForm.saving') : cluster ? t('clusterForm.save') : t('clusterForm.propose')}
        </button>
        <Link className="button button--secondary" to={cluster ? `/clusters/${encodeURIComponent(cluster.id)}` : '/clusters'}>
          {t('clusterForm.cancel')}
        </Link>
      </div>
    </form>
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
          <ClusterForm key={`${cluster.id}-${cluster.version}`} cluster={cluster} />
        </>
      )}
    </QueryView>
  );
}
