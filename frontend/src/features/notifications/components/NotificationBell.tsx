import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../../../lib/auth/session';
import { useLiveUnread } from '../api/live-unread';
import { useUnreadCount } from '../api/unread-count';
import './notifications.css';

/**
 * The bell in the header for signed-in users: a link to the inbox with the unread count, kept live
 * by the notification stream (polling while the stream is down). The link's name is its visible
 * text plus a hidden word ("Notifications 3 unread"), so screen readers hear the count; a change
 * is not announced on its own, to avoid chatter.
 */
export function NotificationBell({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation('notifications');
  const session = useSession();
  const signedIn = session.isAuthenticated && !session.isLoading;
  const live = useLiveUnread(signedIn);
  const unread = useUnreadCount(signedIn, !live);
  if (!signedIn) return null;
  const count = unread.data ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="header-button bell"
      onClick={onNavigate}
      data-live={live ? 'true' : 'false'}
    >
      <svg className="bell__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="bell__text">{t('bell.text')}</span>{' '}
      {count > 0 ? (
        <span className="bell__count">
          {count > 99 ? '99+' : count}
          <span className="visually-hidden"> {t('bell.unread')}</span>
        </span>
      ) : (
        <span className="visually-hidden">{t('bell.noneUnread')}</span>
      )}
    </NavLink>
  );
}
