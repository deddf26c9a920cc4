import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page';
import { ErrorMessage, Loading } from '../../components/ui/status';
import { returnToOf } from '../../lib/auth/user-manager';

/** Keycloak sends the browser back here; once the code is exchanged, go where the user was. */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  useEffect(() => {
    if (!auth.isLoading && auth.isAuthenticated) {
      void navigate(returnToOf(auth.user?.state), { replace: true });
    } else if (!auth.isLoading && !auth.error) {
      // opened without a sign-in answer (a bookmark, the back button): nothing to finish here
      void navigate('/', { replace: true });
    }
  }, [auth.isLoading, auth.isAuthenticated, auth.user, auth.error, navigate]);
  if (auth.error) {
    return (
      <>
        <PageHeader title={t('auth.signInFailed')} />
        <ErrorMessage error={auth.error} />
      </>
    );
  }
  return <Loading label={t('auth.signingIn')} />;
}
