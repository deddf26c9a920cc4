import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api/problem';

/**
 * Every editor's answer to a stale version (someone else saved a newer version since this one was
 * read): says so, says the user's input is still here, shows the server's detail, and offers the
 * two ways on: reload the newer version (the input here is replaced), or keep mine (the input
 * stays and the next save replaces the newer version). `what` names the thing in the reader's
 * language ("this case study"). Takes focus when it appears, so a screen reader hears it.
 */
export function StaleVersionBanner({
  error,
  what,
  onReload,
  onKeepMine,
  busy = false,
}: {
  error: ApiError;
  what: string;
  onReload?: () => void;
  onKeepMine?: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="status status--error stale-version" role="alert" tabIndex={-1} ref={box}>
      <p className="status__heading">{t('staleVersion.heading', { what })}</p>
      <p>{t('staleVersion.body', { what })}</p>
      {error.problem?.detail && <p className="status__detail small">{error.problem.detail}</p>}
      {(onReload || onKeepMine) && (
        <div className="status__actions actions">
          {onReload && (
            <button type="button" className="button" disabled={busy} onClick={onReload}>
              {t('staleVersion.reload')}
            </button>
          )}
          {onKeepMine && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={onKeepMine}>
              {t('staleVersion.keepMine')}
            </button>
          )}
        </div>
      )}
      {onKeepMine && <p className="field__hint">{t('staleVersion.keepMineHint')}</p>}
    </div>
  );
}
