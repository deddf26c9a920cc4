import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { characteristicName, termName } from '../../../lib/format/names';
import { ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import { type CharacteristicCode, type ClusterValues, type Domain, toggle } from '../cluster-schema';

/** What the cluster is about: the service domains and the characteristics, as check boxes. */
export function ClusterTopicFields() {
  const { t, i18n } = useTranslation('curate');
  const reference = useReference().data;
  const { control } = useFormContext<ClusterValues>();
  const domains = useController({ control, name: 'serviceDomains' }).field;
  const characteristics = useController({ control, name: 'characteristics' }).field;
  return (
    <>
      <fieldset className="curate__checks">
        <legend>{t('clusterForm.interests')}</legend>
        {(reference?.serviceDomains ?? []).map((domain) => (
          <label key={domain.code} className="checkbox">
            <input
              type="checkbox"
              checked={domains.value.includes(domain.code as Domain)}
              onChange={(e) => domains.onChange(toggle(domains.value, domain.code as Domain, e.target.checked))}
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
              checked={characteristics.value.includes(characteristic.code as CharacteristicCode)}
              onChange={(e) =>
                characteristics.onChange(toggle(characteristics.value, characteristic.code as CharacteristicCode, e.target.checked))
              }
            />
            {characteristicName(reference, characteristic.code, i18n.language)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
