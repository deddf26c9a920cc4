import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Warns before unsaved work is lost: when the tab is closed or reloaded (the browser's own
 * dialog), and when a link inside the app leads away (a confirmation in the UI language).
 * Returns `allowNextNavigation`, for the page's own navigation right after it saved (its state
 * is still "unsaved" until the next render).
 */
export function useLeaveWarning(unsaved: boolean) {
  const { t } = useTranslation();
  const unsavedNow = useRef(unsaved);
  unsavedNow.current = unsaved;
  const allowed = useRef(false);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowed.current) {
      allowed.current = false; // once: the page's own navigation after saving
      return false;
    }
    return unsavedNow.current && currentLocation.pathname !== nextLocation.pathname;
  });
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('leave.confirm'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return useCallback(() => {
    allowed.current = true;
  }, []);
}
