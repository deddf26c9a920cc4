import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api/problem';
import { useSession } from '../../lib/auth/session';

/** A polite, announced loading line (screen readers hear it once). */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="status status--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status status--empty">{children}</p>;
}

/**
 * An API failure in words: the problem's `detail` from the backend, what the status means, and the
 * way forward (sign in on 401, an explanation on 403, retry otherwise).
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const status = isApiError(error) ? error.status : undefined;
  const detail = isApiError(error) ? error.problem?.detail : error instanceof Error ? error.message : undefined;
  const heading =
    status === 401
      ? t('errors.unauthorized')
      : status === 403
        ? t('errors.forbidden')
        : status === 404
          ? t('errors.notFound')
          : status === 0
            ? t('errors.network')
            : status !== undefined && status >= 500
              ? t('errors.server')
              : t('errors.generic');
  return (
    <div className="status status--error" role="alert">
      <p className="status__heading">{heading}</p>
      {detail && <p className="status__detail">{detail}</p>}
      {status === 403 && <p>{t('errors.forbiddenHelp')}</p>}
      <div className="status__actions">
        {status === 401 && !session.isAuthenticated && (
          <button type="button" className="button" onClick={() => void session.signIn()}>
            {t('auth.signIn')}
          </button>
        )}
        {onRetry && status !== 401 && status !== 403 && status !== 404 && (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('status.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

type QueryLike<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
};

/** Renders loading, error or the data of a query: the one way pages show the three states. */
export function QueryView<T>({
  query,
  children,
  loadingLabel,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError || query.data === undefined)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
