import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage } from '../../../components/ui/status';
import { type ApiError, isApiError, isStaleVersion } from '../../../lib/api/problem';
import { formatDate } from '../../../lib/format/names';

/** The exchange rules' own problems, by the end of their stable `type`. */
const KINDS = {
  'exchange-peer-not-one-step-ahead': 'notOneStepAhead',
  'exchange-limit': 'limit',
  'exchange-declined-recently': 'declinedRecently',
  'exchange-already-open': 'alreadyOpen',
} as const;
export type ExchangeProblemKind = (typeof KINDS)[keyof typeof KINDS];

export function exchangeProblemKind(error: unknown): ExchangeProblemKind | undefined {
  if (!isApiError(error)) return undefined;
  const type = error.problem?.type ?? '';
  const name = type.slice(type.lastIndexOf(':') + 1) as keyof typeof KINDS;
  return KINDS[name];
}

/** The date a declined request may be sent again: the problem's `sendableFrom` (the detail says it in words too). */
export function resendDate(error: ApiError): string | undefined {
  const value = (error.problem as Record<string, unknown> | undefined)?.sendableFrom;
  return typeof value === 'string' ? value : undefined;
}

/** The open exchange that is the same request: the problem's `exchangeId`. */
export function openExchangeId(error: ApiError): string | undefined {
  const value = (error.problem as Record<string, unknown> | undefined)?.exchangeId;
  return typeof value === 'string' && /^[0-9a-f]{24}$/.test(value) ? value : undefined;
}

/**
 * A failed exchange call in words: the rule that refused it (a peer not one step ahead, the limit
 * of open requests, a request declined lately, the same request still open) with what to do instead; a stale version with the
 * way to reload; anything else as every page shows problems.
 */
export function ExchangeProblem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t, i18n } = useTranslation('exchanges');
  if (isStaleVersion(error)) return <StaleVersionBanner error={error} what={t('problems.what')} onReload={onReload} />;
  const kind = exchangeProblemKind(error);
  if (!kind || !isApiError(error)) return <ErrorMessage error={error} />;
  const date = kind === 'declinedRecently' ? resendDate(error) : undefined;
  const open = kind === 'alreadyOpen' ? openExchangeId(error) : undefined;
  return (
    <div className="status status--error" role="alert" data-problem={kind}>
      <p className="status__heading">{t(`problems.${kind}.title`)}</p>
      {error.problem?.detail && <p className="status__detail">{error.problem.detail}</p>}
      {date && <p>{t('problems.declinedRecently.date', { date: formatDate(date, i18n.language) })}</p>}
      <p>{t(`problems.${kind}.help`)}</p>
      {open && (
        <p>
          <Link to={`/exchanges/${open}`}>{t('problems.alreadyOpen.link')}</Link>
        </p>
      )}
    </div>
  );
}
