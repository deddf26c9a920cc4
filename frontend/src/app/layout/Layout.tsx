import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
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

/**
 * Whether a menu entry is the current section. A city's self-assessment belongs to "My city" for
 * that city's editors and to no menu entry for anyone else (it is not the public cities list).
 */
function isCurrentSection(to: string, end: boolean, pathname: string, ownCityId: string | undefined) {
  const assessment = matchPath('/cities/:id/assessment', pathname);
  if (assessment) return to === '/my-city' && assessment.params.id === ownCityId;
  if (end) return pathname === to;
  return pathname === to || pathname.startsWith(`${to}/`);
}

function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const links = [
    { to: '/', label: t('nav.search'), end: true, show: true },
    { to: '/cities', label: t('nav.cities'), show: true },
    { to: '/clusters', label: t('nav.clusters'), show: true },
    { to: '/experts', label: t('nav.experts'), show: true },
    { to: '/reports/maturity', label: t('nav.report'), show: true },
    { to: '/my-city', label: t('nav.myCity'), show: session.hasRole('city-editor') },
    {
      to: '/exchanges',
      label: t('nav.title', { ns: 'exchanges' }),
      show: session.hasRole('city-editor', 'expert', 'curator', 'admin'),
    },
    { to: '/curation', label: t('nav.curation'), show: session.isCurator },
    { to: '/glossary', label: t('nav.glossary'), show: session.isCurator },
    { to: '/review', label: t('nav.review', { ns: 'review' }), show: session.isCurator || session.hasRole('expert') },
    { to: '/expert-database', label: t('nav.manage', { ns: 'expert-database' }), show: session.isCurator },
    { to: '/my-expert-profile', label: t('nav.me', { ns: 'expert-database' }), show: session.hasRole('expert') },
    { to: '/admin', label: t('nav.admin'), show: session.isCurator },
    { to: '/admin/audit', label: t('nav.audit'), show: session.isCurator },
  ];
  return (
    <ul className="nav__list">
      {links
        .filter((link) => link.show)
        .map((link) => {
          const current = isCurrentSection(link.to, Boolean(link.end), pathname, session.cityId);
          return (
            <li key={link.to}>
              <Link
                to={link.to}
                className={`nav__link${current ? ' active' : ''}`}
                aria-current={current ? 'page' : undefined}
                onClick={onNavigate}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
    </ul>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    // Escape closes the open menu (on phones it covers the page) and returns focus to its button.
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);
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
            ref={menuButton}
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
        <p>
          <NavLink to="/open-data">{t('nav.title', { ns: 'opendata' })}</NavLink>
        </p>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
