import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/ui/status';
import { type Role, useSession } from '../../lib/auth/session';

/** Pages for some roles only: anonymous visitors are sent to sign in, others are told why not. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const { isLoading, isAuthenticated, signIn } = session;
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  useEffect(() => {
    if (!isLoading && !isAuthenticated) {
      void signIn(returnTo);
    }
  }, [isLoading, isAuthenticated, signIn, returnTo]);
  if (session.isLoading || !session.isAuthenticated) {
    return <Loading label={session.isAuthenticated ? undefined : t('auth.signingIn')} />;
  }
  if (!session.hasRole(...roles)) {
    return (
      <div className="status status--error" role="alert">
        <p className="status__heading">{t('errors.forbidden')}</p>
        <p>{t('auth.notAllowed', { roles: roles.map((role) => t(`roles.${role}`)).join(t('roles.separator')) })}</p>
      </div>
    );
  }
  return <Outlet />;
}
