import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { Localized } from '../../../lib/i18n/localized';
import { useChangeExchange } from '../api/change-exchange';
import { useExpertSearch } from '../api/experts';
import type { Exchange } from '../api/types';
import { ExchangeProblem } from './ExchangeProblem';

/** Finds an approved expert by name and invites them (INVITE_EXPERT). */
function InviteExpert({ exchange, onDone, onError }: { exchange: Exchange; onDone: (name: string) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation('exchanges');
  const [name, setName] = useState('');
  const search = useExpertSearch(name);
  const change = useChangeExchange(exchange.id);
  const invited = new Set(exchange.experts.map((expert) => expert.expertId));
  const found = (search.data?.items ?? []).filter((expert) => !invited.has(expert.id));
  return (
    <div className="exchange-invite">
      <div className="field">
        <label htmlFor="exchange-expert-name">{t('experts.find')}</label>
        <span className="field__hint" id="exchange-expert-name-hint">
          {t('experts.findHint')}
        </span>
        <input
          id="exchange-expert-name"
          type="search"
          value={name}
          aria-describedby="exchange-expert-name-hint"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {search.isFetching && <Loading label={t('experts.searching')} />}
      {name.trim().length >= 2 && search.data && (
        <p className="small muted" role="status">
          {t('experts.found', { count: found.length, total: search.data.total })}
        </p>
      )}
      {found.length > 0 && (
        <ul className="list-plain exchange-invite__results">
          {found.map((expert) => (
            <li key={expert.id}>
              <span>
                <strong>{expert.name}</strong>{' '}
                <span className="muted small">
                  <Localized text={expert.affiliation} />
                </span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={change.isPending}
                aria-label={t('experts.inviteLabel', { name: expert.name })}
                onClick={() =>
                  change.mutate(
                    { exchange, change: { kind: 'invite', expertId: expert.id } },
                    { onSuccess: () => onDone(expert.name), onError },
                  )
                }
              >
                {t('experts.invite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The experts invited to the exchange; inviting one (either side, curators) and an invited expert's answer. */
export function Experts({ exchange, onReload }: { exchange: Exchange; onReload: () => void }) {
  const { t } = useTranslation('exchanges');
  const session = useSession();
  const change = useChangeExchange(exchange.id);
  // a key and its values, translated when shown: a confirmation follows a language switch
  const [announcement, setAnnouncement] = useState<{ key: 'accepted' | 'declined' | 'invited'; name?: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mayInvite = exchange.canAct.includes('INVITE_EXPERT');
  const ownInvite = exchange.experts.find((expert) => expert.expertId === session.me?.expertId);
  const mayAnswer = exchange.canAct.includes('ANSWER_INVITE') && ownInvite !== undefined;
  if (exchange.experts.length === 0 && !mayInvite) return null;
  const answer = (accept: boolean) => {
    if (!ownInvite) return;
    setError(null);
    change.mutate(
      { exchange, change: { kind: 'answer', expertId: ownInvite.expertId, accept } },
      {
        onSuccess: () => setAnnouncement({ key: accept ? 'accepted' : 'declined' }),
        onError: setError,
      },
    );
  };
  return (
    <section className="card" aria-labelledby="exchange-experts">
      <h2 id="exchange-experts">{t('experts.heading')}</h2>
      {exchange.experts.length === 0 ? (
        <p className="muted">{t('experts.none')}</p>
      ) : (
        <ul className="list-plain exchange-experts">
          {exchange.experts.map((expert) => (
            <li key={expert.expertId}>
              <Link to={`/experts?focus=${encodeURIComponent(expert.expertId)}`}>{expert.name}</Link>{' '}
              <span className={`chip exchange-invite-state exchange-invite-state--${expert.state}`}>{t(`experts.states.${expert.state}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {mayAnswer && (
        <div className="actions" role="group" aria-label={t('experts.answerLabel')}>
          <button type="button" className="button" disabled={change.isPending} onClick={() => answer(true)}>
            {t('experts.accept')}
          </button>
          <button type="button" className="button button--secondary" disabled={change.isPending} onClick={() => answer(false)}>
            {t('experts.decline')}
          </button>
        </div>
      )}
      {mayInvite && (
        <InviteExpert
          exchange={exchange}
          onDone={(name) => {
            setError(null);
            setAnnouncement({ key: 'invited', name });
          }}
          onError={setError}
        />
      )}
      <div role="status" aria-live="polite">
        {announcement && <p className="status status--ok">{t(`experts.${announcement.key}`, { name: announcement.name })}</p>}
      </div>
      {error !== null && <ExchangeProblem error={error} onReload={onReload} />}
    </section>
  );
}
