import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { Empty, ErrorMessage, Loading } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { characteristicName, formatNumber } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { levelIndex, LEVELS, type Characteristic, type ReferenceData } from '../../../lib/reference/reference';
import type { City } from '../api/cities';
import { type RoadmapStep, useRoadmap } from '../api/roadmap';
import { ExpertList, PeerMatches } from './PeerMatches';
import { Staircase } from './Staircase';

type Access = 'full' | 'anonymous' | 'forbidden' | 'failed' | 'loading';

function BalanceNote({ balance }: { balance: RoadmapStep['balance'] }) {
  const { t } = useTranslation('cities');
  if (!balance) return null;
  if (balance === 'BALANCED') return <p className="small muted balance balance--ok">{t('balance.BALANCED')}</p>;
  return (
    <p className={`balance balance--warn`}>
      <span className="balance__icon" aria-hidden="true">
        ⚠
      </span>{' '}
      <strong>{t(`balance.${balance}.title`)}</strong> {t(`balance.${balance}.text`)}
    </p>
  );
}

/** The exchanges about a step: done (with an outcome) and planned (requested or accepted). */
type StepExchanges = RoadmapStep['exchanges'];

function ExchangeCount({ cityId, exchanges }: { cityId: string; exchanges: StepExchanges | undefined }) {
  const { t } = useTranslation('cities');
  if (!exchanges || exchanges.done + exchanges.planned === 0) return null;
  return (
    <p className="small roadmap-step__exchanges">
      <Link to={`/cities/${encodeURIComponent(cityId)}/exchanges`}>
        {t('step.exchanges', { done: exchanges.done, planned: exchanges.planned })}
      </Link>
    </p>
  );
}

function StepCard({
  cityId,
  characteristic,
  level,
  step,
  reference,
  own,
  mayAsk,
}: {
  cityId: string;
  own: boolean;
  mayAsk: boolean;
  characteristic: Characteristic;
  level: string;
  step: RoadmapStep | undefined;
  reference: ReferenceData | undefined;
}) {
  const { t, i18n } = useTranslation('cities');
  const id = useId();
  const name = characteristicName(reference, characteristic.code, i18n.language);
  const current = levelIndex(level);
  const nextLevel = step?.nextLevel ?? (current >= 0 && current + 1 < LEVELS.length ? LEVELS[current + 1] : undefined);
  const assessmentNeeded = step ? step.assessmentNeeded : current < 0;
  const atTop = current === LEVELS.length - 1;
  return (
    <li className="card roadmap-step">
      <h3 className="roadmap-step__title" id={`${id}-title`}>
        <span>
          {characteristic.number}. {name}
        </span>{' '}
        <LevelBadge level={level} />
      </h3>
      <Staircase level={level} label={t('staircase.label', { characteristic: name })} own={own} />
      {assessmentNeeded ? (
        <p className="status status--empty">{t('step.assessmentNeeded')}</p>
      ) : atTop ? (
        <p className="small muted">{step ? t('step.atTopPeers') : t('step.atTop')}</p>
      ) : (
        nextLevel && (
          <p className="roadmap-step__next">
            {t('step.nextLevel')} <LevelBadge level={nextLevel} />
          </p>
        )
      )}
      {step && (
        <>
          <BalanceNote balance={step.balance} />
          <ExchangeCount cityId={cityId} exchanges={step.exchanges} />
          {!assessmentNeeded && !atTop && (
            <>
              <h4>{t('step.missing', { level: t(`common:levels.${nextLevel ?? 'NOT_ASSESSED'}`) })}</h4>
              {step.missingCriteria.length === 0 ? (
                <Empty>{t('step.noneMissing')}</Empty>
              ) : (
                <ul className="roadmap-step__criteria">
                  {step.missingCriteria.map((criterion) => (
                    <li key={criterion.code}>
                      <Localized text={criterion.text} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {!assessmentNeeded && (
            <>
              <h4 id={`${id}-peers`}>{atTop ? t('step.peersSameLevel') : t('step.peers')}</h4>
              <PeerMatches
                cityId={cityId}
                characteristic={step.characteristic}
                matches={step.matches}
                canAskForMore={!assessmentNeeded}
                headingId={`${id}-title`}
                mayAskForExchange={mayAsk}
              />
            </>
          )}
          {step.experts.length > 0 && (
            <>
              <h4>{t('step.experts')}</h4>
              <ExpertList experts={step.experts} />
            </>
          )}
        </>
      )}
    </li>
  );
}

function AccessNote({ access, error }: { access: Access; error: unknown }) {
  const { t } = useTranslation('cities');
  const session = useSession();
  if (access === 'anonymous') {
    return (
      <div className="status status--empty roadmap-access" role="note">
        <p className="status__heading">{t('roadmap.anonymousTitle')}</p>
        <p>{t('roadmap.anonymousText')}</p>
        <button type="button" className="button" onClick={() => void session.signIn()}>
          {t('roadmap.signIn')}
        </button>
      </div>
    );
  }
  if (access === 'forbidden') {
    return (
      <div className="status status--empty roadmap-access" role="note">
        <p className="status__heading">{t('roadmap.forbiddenTitle')}</p>
        <p>{t('roadmap.forbiddenText')}</p>
      </div>
    );
  }
  if (access === 'failed') return <ErrorMessage error={error} />;
  return null;
}

/**
 * The staircase roadmap: each rated characteristic drawn as five steps, with what is missing for
 * the next one and the peers one step ahead. Visitors who may not read the roadmap still see the
 * staircase from the public levels, with an explanation instead of the matches.
 */
export function Roadmap({
  city,
  characteristics,
  reference,
}: {
  city: City;
  characteristics: Characteristic[];
  reference: ReferenceData | undefined;
}) {
  const { t, i18n } = useTranslation('cities');
  const session = useSession();
  const query = useRoadmap(city.id, session.isAuthenticated);
  const status = isApiError(query.error) ? query.error.status : undefined;
  const access: Access = !session.isAuthenticated
    ? 'anonymous'
    : query.isPending
      ? 'loading'
      : query.data
        ? 'full'
        : status === 401
          ? 'anonymous'
          : status === 403
            ? 'forbidden'
            : 'failed';
  const steps = new Map((query.data?.steps ?? []).map((step) => [step.characteristic, step]));
  return (
    <section className="roadmap" aria-labelledby="roadmap-heading">
      <h2 id="roadmap-heading">{t('roadmap.title')}</h2>
      <p className="muted">{t('roadmap.lead')}</p>
      {access === 'loading' && <Loading label={t('roadmap.loading')} />}
      <AccessNote access={access} error={query.error} />
      {access === 'full' && query.data?.median !== undefined && (
        <p className="small muted">
          {t('roadmap.median', { value: formatNumber(query.data.median, i18n.language, { maximumFractionDigits: 1 }), max: LEVELS.length - 1 })}
        </p>
      )}
      {access === 'full' && query.data?.peers === 'UNAVAILABLE' && (
        <p role="status" className="small muted">
          {t('roadmap.peersUnavailable')}
        </p>
      )}
      {characteristics.length === 0 ? (
        <Empty>{t('roadmap.empty')}</Empty>
      ) : (
        <ol className="list-plain roadmap__steps">
          {characteristics.map((characteristic) => {
            const step = steps.get(characteristic.code);
            return (
              <StepCard
                key={characteristic.code}
                cityId={city.id}
                characteristic={characteristic}
                level={step?.level ?? city.levels[characteristic.code] ?? 'NOT_ASSESSED'}
                step={step}
                reference={reference}
                own={session.isAuthenticated && session.cityId === city.id}
                mayAsk={session.hasRole('city-editor') && session.cityId === city.id}
              />
            );
          })}
        </ol>
      )}
      {access === 'full' && (
        <p className="small">
          <Link to="/reports/maturity">{t('roadmap.compare')}</Link>
        </p>
      )}
    </section>
  );
}
