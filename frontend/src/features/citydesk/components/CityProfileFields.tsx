import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { type CityDraft, REGIONS } from '../city-form';

/** The city's profile: names, region and country (curators only), size and vision. `errors` by API field. */
export function CityProfileFields({ errors, mayMove }: { errors: Record<string, string>; mayMove: boolean }) {
  const { t } = useTranslation('citydesk');
  const { register } = useFormContext<CityDraft>();
  return (
    <fieldset>
      <legend>{t('profile.heading')}</legend>
      <div className="grid grid--2">
        <FormField id="city-name-en" label={t('profile.nameEn')} error={errors['name']}>
          {(props) => <input {...props} lang="en" {...register('nameEn')} />}
        </FormField>
        <FormField id="city-name-zh" label={t('profile.nameZh')} error={errors['name']}>
          {(props) => <input {...props} lang="zh" {...register('nameZh')} />}
        </FormField>
        <FormField id="city-region" label={t('profile.region')} hint={mayMove ? undefined : t('profile.moveHint')} error={errors['region']}>
          {(props) => (
            <select {...props} disabled={!mayMove} {...register('region')}>
              {REGIONS.map((region) => (
                <option key={region} value={region}>
                  {t(`regions.${region}`, { ns: 'common' })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="city-country" label={t('profile.country')} hint={mayMove ? t('profile.countryHint') : t('profile.moveHint')} error={errors['country']}>
          {(props) => <input {...props} readOnly={!mayMove} maxLength={2} autoComplete="off" {...register('country')} />}
        </FormField>
        <FormField id="city-population" label={t('profile.population')} error={errors['population']}>
          {(props) => <input {...props} inputMode="numeric" {...register('population')} />}
        </FormField>
        <FormField id="city-area" label={t('profile.area')} error={errors['areaKm2']}>
          {(props) => <input {...props} inputMode="decimal" {...register('areaKm2')} />}
        </FormField>
      </div>
      <FormField id="city-vision-en" label={t('profile.visionEn')} error={errors['vision']}>
        {(props) => <textarea {...props} lang="en" rows={3} {...register('visionEn')} />}
      </FormField>
      <FormField id="city-vision-zh" label={t('profile.visionZh')} error={errors['vision']}>
        {(props) => <textarea {...props} lang="zh" rows={3} {...register('visionZh')} />}
      </FormField>
    </fieldset>
  );
}
