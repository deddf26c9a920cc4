import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelBadge } from '../../../components/ui/level';
import { Empty, ErrorMessage, Loading } from '../../../components/ui/status';
import { countryName, formatList, formatNumber, languageName } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { type MatchCharacteristic, useMatches } from '../api/matches';
import type { MatchExpert, PeerMatch } from '../api/roadmap';

export function ExpertList({ experts }: { experts: MatchExpert[] }) {
  const { i18n } = useTranslation('cities');
  return (
    <ul className="list-plain expert-list">
      {experts.map((expert) => (
        <li key={expert.id}>
          <Link className="expert-list__name" to={`/experts?focus=${encodeURIComponent(expert.id)}`}>
            {expert.name}
          </Link>{' '}
          <span className="muted small">
            ({countryName(expert.country, i18n.language)}
            {expert.languages.length > 0 && ` · ${formatList(expert.languages.map((code) => languageName(code, i18n.language)), i18n.language)}`})
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The request form of the exchanges feature, started from this match: the peer and the
 * characteristic; the step begins at the asking city's own level.
 */
function askPath(match: PeerMatch, characteristic: string) {
  const params = new URLSearchParams({ peer: match.cityId, characteristic, origin: 'MATCH' });
  return `/exchanges/new?${params.toString()}`;
}

function MatchCard({ match, askAbout }: { match: PeerMatch; askAbout?: string }) {
  const { t, i18n } = useTranslation('cities');
  const pickName = usePick();
  return (
    <li className="match">
      <p className="match__head">
        <Link className="match__name" to={`/cities/${encodeURIComponent(match.cityId)}`}>
          <Localized text={match.name} />
        </Link>{' '}
        <span className="muted small">
          {countryName(match.country, i18n.language)} · {t(`common:regions.${match.region}`)}
        </span>
      </p>
      <p className="match__facts small">
        <LevelBadge level={match.level} /> <span className="chip">{t(`match.relation.${match.relation}`)}</span>{' '}
        <span>{t('match.score', { score: formatNumber(match.score, i18n.language, { style: 'percent', maximumFractionDigits: 0 }) })}</span>
      </p>
      {match.reasons.length > 0 && (
        <ul className="match__reasons">
          {match.reasons.map((reason, index) => (
            <li key={index}>
              <Localized text={reason} />
            </li>
          ))}
        </ul>
      )}
      {match.caseStudies.length > 0 && (
        <div className="match__section">
          <p className="match__label">{t('match.caseStudies')}</p>
          <ul className="list-plain">
            {match.caseStudies.map((study) => (
              <li key={study.id}>
                <Link to={`/case-studies/${encodeURIComponent(study.id)}`}>
                  <Localized text={study.title} />
                </Link>
                {study.step && (
                  <span className="small muted">
                    {' '}
                    ({t('match.step', { from: t(`common:levels.${study.step.fromLevel}`), to: t(`common:levels.${study.step.toLevel}`) })})
                  </span>
                )}
                {study.bestPractice && <span className="chip match__best">{t('match.bestPractice')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {match.experts.length > 0 && (
        <div className="match__section">
          <p className="match__label">{t('match.experts')}</p>
          <ExpertList experts={match.experts} />
        </div>
      )}
      {askAbout && (
        <p className="match__ask">
          <Link
            className="button button--secondary"
            to={askPath(match, askAbout)}
            aria-label={t('match.askLabel', { city: pickName(match.name).text || match.cityId })}
          >
            {t('match.ask')}
          </Link>
        </p>
      )}
    </li>
  );
}

/** The matches of one step; `askAbout` (a characteristic) offers "Ask for an exchange" on each, for the city's own editors. */
export function MatchList({ matches, askAbout }: { matches: PeerMatch[]; askAbout?: string }) {
  return (
    <ol className="list-plain match-list">
      {matches.map((match) => (
        <MatchCard key={match.cityId} match={match} askAbout={askAbout} />
      ))}
    </ol>
  );
}

/**
 * The roadmap's top matches for one step, and on request the longer list from the matches
 * endpoint (which answers 409 while the city has no validated level there).
 */
export function PeerMatches({
  cityId,
  characteristic,
  matches,
  canAskForMore,
  headingId,
  mayAskForExchange = false,
}: {
  cityId: string;
  characteristic: MatchCharacteristic;
  matches: PeerMatch[];
  canAskForMore: boolean;
  headingId: string;
  /** The city's own editors may ask each peer for an exchange about this step. */
  mayAskForExchange?: boolean;
}) {
  const { t } = useTranslation('cities');
  const [more, setMore] = useState(false);
  const query = useMatches(cityId, characteristic, more);
  const shown = more && query.data ? query.data.matches : matches;
  return (
    <>
      {shown.length === 0 ? <Empty>{t('match.none')}</Empty> : <MatchList matches={shown} askAbout={mayAskForExchange ? characteristic : undefined} />}
      {more && query.isPending && <Loading label={t('match.loadingMore')} />}
      {more && query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {more && query.data && (
        <p className="small muted" role="status">
          {t('match.moreShown', { count: query.data.matches.length, considered: query.data.candidatesConsidered })}
        </p>
      )}
      {canAskForMore && !more && (
        <button
          type="button"
          className="button button--secondary"
          aria-describedby={headingId}
          onClick={() => setMore(true)}
        >
          {t('match.more')}
        </button>
      )}
    </>
  );
}
