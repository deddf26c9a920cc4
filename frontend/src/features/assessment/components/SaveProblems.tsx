import { useTranslation } from 'react-i18next';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage } from '../../../components/ui/status';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { Localized } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import type { Characteristic } from '../../../lib/reference/reference';

/**
 * Why the last save or submit failed: a stale version (reload or keep mine), or the problem with
 * each characteristic's messages and a button to go to it.
 */
export function SaveProblems({
  error,
  characteristics,
  problems,
  readOnly,
  keeping,
  onReload,
  onKeepMine,
  onGo,
}: {
  error: unknown;
  characteristics: Characteristic[];
  problems: Record<string, string[]>;
  readOnly: boolean;
  keeping: boolean;
  onReload: () => void;
  onKeepMine?: () => void;
  onGo: (index: number) => void;
}) {
  const { t } = useTranslation('assessment');
  const punctuation = usePunctuation();
  if (isStaleVersion(error))
    return <StaleVersionBanner error={error} what={t('stale.what')} busy={keeping} onReload={onReload} onKeepMine={onKeepMine} />;
  const otherFieldErrors = isApiError(error)
    ? (error.problem?.errors ?? []).filter((problem) => !/^characteristics\[\d+\]/.test(problem.field ?? ''))
    : [];
  const entries = Object.entries(problems);
  return (
    <div>
      {error !== null && <ErrorMessage error={error} />}
      {isApiError(error) && error.status === 409 && (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onReload}>
            {t('stale.reload')}
          </button>
        </div>
      )}
      {!readOnly && <p className="field__hint">{t('save.failed')}</p>}
      {(otherFieldErrors.length > 0 || entries.length > 0) && (
        <div className="card">
          <p className="status__heading">{t('save.fieldErrors')}</p>
          <ul>
            {entries.map(([code, messages]) => (
              <li key={code}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onGo(characteristics.findIndex((entry) => entry.code === code))}
                >
                  <Localized text={characteristics.find((entry) => entry.code === code)?.name} />
                </button>
                {punctuation.colon}
                {messages.join(punctuation.semicolon)}
              </li>
            ))}
            {otherFieldErrors.map((problem) => (
              <li key={`${problem.field}-${problem.message}`}>{punctuation.labelled(problem.field ?? '', problem.message ?? '')}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
