import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Loading } from '../../components/ui/status';
import { useSession } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n/i18n';
import { usePunctuation } from '../../lib/i18n/punctuation';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { labelled } = usePunctuation();
  const next = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="header-button"
      lang={next}
      onClick={() => void changeLanguage(next)}
      aria-label={labelled(t('language.label'), t('language.switchTo'))}
    >
      {t('language.switchTo')}
    </button>
  );
}

function AccountControls() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return null;
  if (!session.isAuthenticated) {
    return (
      <button type="button" className="header-button header-button--primary" onClick={() => void session.signIn()}>
        {t('auth.signIn')}
      </button>
    );
  }
  return (
    <>
      <span className="header-user">{t('auth.signedInAs', { name: session.username })}</span>
      <button type="button" className="header-button" onClick={() => void session.signOut()}>
        {t('auth.signOut')}
      </button>
    </>
  );
}

function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const links = [
    { to: '/', label: t('nav.search'), end: true, show: true },
    { to: '/cities', label: t('nav.cities'), show: true },
    { to: '/clusters', label: t('nav.clusters'), show: true },
    { to: '/experts', label: t('nav.experts'), show: true },
    { to: '/reports/maturity', label: t('nav.report'), show: true },
    { to: '/my-city', label: t('nav.myCity'), show: session.hasRole('city-editor') },
    { to: '/curation', label: t('nav.curation'), show: session.isCurator },
    { to: '/glossary', label: t('nav.glossary'), show: session.isCurator },
    { to: '/admin/audit', label: t('nav.audit'), show: session.isCurator },
  ];
  return (
    <ul className="nav__list">
      {links
        .filter((link) => link.show)
        .map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="nav__link" onClick={onNavigate}>
              {link.label}
            </NavLink>
          </li>
        ))}
    </ul>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__bar">
          <NavLink className="shell__brand" to="/">
            {t('app.name')}
          </NavLink>
          <NotificationBell />
          <button
            type="button"
            className="header-button menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('nav.menu')}
          </button>
          <nav id="main-nav" className={`nav${menuOpen ? ' nav--open' : ''}`} aria-label={t('nav.label')}>
            <MainNavigation onNavigate={() => setMenuOpen(false)} />
            <div className="nav__account">
              <LanguageSwitch />
              <AccountControls />
            </div>
          </nav>
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {session.isLoading ? <Loading /> : <Outlet />}
      </main>
      <footer className="shell__footer">
        <p>{t('app.footer')}</p>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
