import { useId, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CityCombobox } from '../../../components/city/CityCombobox';
import { useCityNames } from '../../../lib/city/city-names';
import { pick } from '../../../lib/i18n/localized';
import type { ClusterValues } from '../cluster-schema';

/** The invited cities (the form's `invited`): each with a button to uninvite it, and a city search to invite one more. */
export function ClusterInvitees({ members }: { members: string[] }) {
  const { t, i18n } = useTranslation('curate');
  const { control } = useFormContext<ClusterValues>();
  const { field } = useController({ control, name: 'invited' });
  const invited = field.value;
  const names = useCityNames(invited).data;
  const [adding, setAdding] = useState('');
  const comboId = useId();
  const headingId = useId();
  const add = () => {
    if (adding && !invited.includes(adding) && !members.includes(adding)) field.onChange([...invited, adding]);
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
                  onClick={() => field.onChange(invited.filter((id) => id !== cityId))}
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
