import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../components/ui/level';
import { characteristicName } from '../../../lib/format/names';
import { useReference } from '../../../lib/reference/reference';
import type { ExchangeState, ExchangeStep } from '../api/types';

/** An exchange's state, written out (the colour only repeats it). */
export function StateBadge({ state }: { state: ExchangeState }) {
  const { t } = useTranslation('exchanges');
  return <span className={`exchange-state exchange-state--${state}`}>{t(`states.${state}`)}</span>;
}

/** "Funding: Average → More advanced". */
export function StepLabel({ step }: { step: ExchangeStep }) {
  const { t, i18n } = useTranslation('exchanges');
  const reference = useReference().data;
  return (
    <span className="exchange-step">
      <span>{characteristicName(reference, step.characteristic, i18n.language)}</span>{' '}
      <span className="exchange-step__levels">
        <LevelBadge level={step.fromLevel} /> <span aria-hidden="true">→</span><span className="visually-hidden"> {t('step.to')} </span> <LevelBadge level={step.toLevel} />
      </span>
    </span>
  );
}
