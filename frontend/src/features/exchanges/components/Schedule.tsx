import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/status';
import { pick } from '../../../lib/i18n/localized';
import { downloadCalendar } from '../api/calendar';
import type { Exchange, ExchangeSide, Slot } from '../api/types';
import { browserTimeZone, formatSlot } from '../time';

/**
 * One slot as the wall-clock times of both cities, each in its own time zone (Europe/Amsterdam,
 * Asia/Shanghai…), and of the reader when their browser is in a third zone.
 */
export function SlotTimes({ slot, asking, peer }: { slot: Slot; asking: ExchangeSide; peer: ExchangeSide }) {
  const { t, i18n } = useTranslation('exchanges');
  const sides = [asking, peer];
  const own = browserTimeZone();
  const zones = sides.map((side) => side.timeZone);
  return (
    <dl className="exchange-times">
      {sides.map((side) => (
        <div key={side.cityId} className="exchange-times__row">
          <dt>{t('schedule.cityTime', { city: pick(side.name, i18n.language).text || side.cityId, zone: side.timeZone })}</dt>
          <dd>{formatSlot(slot, i18n.language, side.timeZone)}</dd>
        </div>
      ))}
      {!zones.includes(own) && (
        <div className="exchange-times__row">
          <dt>{t('schedule.yourTime', { zone: own })}</dt>
          <dd>{formatSlot(slot, i18n.language, own)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The agreed date in both cities' time zones with its calendar file, or the dates proposed so far. */
export function Schedule({ exchange }: { exchange: Exchange }) {
  const { t, i18n } = useTranslation('exchanges');
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setError(null);
    setDownloading(true);
    try {
      await downloadCalendar(exchange.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section className="card" aria-labelledby="exchange-schedule">
      <h2 id="exchange-schedule">{t('schedule.heading')}</h2>
      {exchange.agreedSlot ? (
        <>
          <p className="exchange-schedule__agreed">{t('schedule.agreed')}</p>
          <SlotTimes slot={exchange.agreedSlot} asking={exchange.asking} peer={exchange.peer} />
          <button type="button" className="button button--secondary" disabled={downloading} onClick={() => void download()}>
            {downloading ? t('schedule.downloading') : t('schedule.download')}
          </button>
          {error !== null && <ErrorMessage error={error} />}
        </>
      ) : exchange.proposedSlots.length > 0 ? (
        <>
          <p>
            {exchange.proposedBy
              ? t('schedule.proposedBy', {
                  city: pick((exchange.proposedBy === 'PEER' ? exchange.peer : exchange.asking).name, i18n.language).text,
                  count: exchange.proposedSlots.length,
                })
              : t('schedule.proposed', { count: exchange.proposedSlots.length })}
          </p>
          <ol className="list-plain exchange-schedule__proposed">
            {exchange.proposedSlots.map((slot) => (
              <li key={`${slot.start}-${slot.end}`} className="exchange-schedule__slot">
                <SlotTimes slot={slot} asking={exchange.asking} peer={exchange.peer} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{t('schedule.none')}</p>
      )}
    </section>
  );
}
