import type { ApiError } from '../../lib/api/problem';

/**
 * The editors' answer to a stale version (someone saved meanwhile): what happened, that the
 * user's input is kept, the server's detail, and a button to reload the latest version. Each
 * editor names its own thing ("this case study", "this term") in `heading` and `body`.
 */
export function StaleVersion({
  error,
  heading,
  body,
  reloadLabel,
  onReload,
}: {
  error: ApiError;
  heading: string;
  body: string;
  reloadLabel: string;
  onReload?: () => void;
}) {
  return (
    <div className="status status--error" role="alert">
      <p className="status__heading">{heading}</p>
      <p>{body}</p>
      {error.problem?.detail && <p className="status__detail small">{error.problem.detail}</p>}
      {onReload && (
        <div className="status__actions">
          <button type="button" className="button" onClick={onReload}>
            {reloadLabel}
          </button>
        </div>
      )}
    </div>
  );
}
