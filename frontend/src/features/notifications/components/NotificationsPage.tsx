import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { formatDate } from '../../../lib/format/names';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { useMarkAllRead, useMarkRead } from '../api/mark-read';
import { type NotificationItem, useNotifications } from '../api/notifications';
import { type NotificationSettings, useNotificationSettings, useSaveSettings } from '../api/settings';
import './notifications.css';

const PAGE_SIZE = 20;

function Item({ item }: { item: NotificationItem }) {
  const { t, i18n } = useTranslation('notifications');
  const markRead = useMarkRead();
  return (
    <li className={`inbox__item${item.read ? '' : ' inbox__item--unread'}`}>
      <div className="inbox__main">
        <span className="inbox__text">
          {!item.read && <span className="visually-hidden">{t('list.unreadMark')} </span>}
          {item.text}
        </span>
        <span className="inbox__meta muted small">{formatDate(item.at, i18n.language)}</span>
      </div>
      <div className="inbox__actions">
        <Link
          className="button button--secondary"
          to={item.link}
          onClick={() => {
            if (!item.read) markRead.mutate(item.id);
          }}
        >
          {t('list.open')}
        </Link>
        {!item.read && (
          <button
            type="button"
            className="button button--secondary"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(item.id)}
            aria-label={t('list.markReadOne', { text: item.text })}
          >
            {t('list.markRead')}
          </button>
        )}
      </div>
    </li>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation('notifications');
  const save = useSaveSettings();
  const [email, setEmail] = useState(settings.email);
  const [language, setLanguage] = useState(settings.language === 'zh-CN' ? 'zh-CN' : 'en');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ email, language }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('settings.email')}</legend>
        {!settings.mailEnabled && <p className="muted small">{t('settings.mailOff')}</p>}
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={email} onChange={(event) => setEmail(event.target.checked)} />
            <span>{t('settings.emailOptIn')}</span>
          </label>
          {settings.address && <p className="muted small">{t('settings.address', { address: settings.address })}</p>}
        </div>
        <div className="field">
          <label htmlFor="notification-language">{t('settings.language')}</label>
          <select id="notification-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="en" lang="en">
              English
            </option>
            <option value="zh-CN" lang="zh-CN">
              中文
            </option>
          </select>
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('settings.save')}
        </button>
      </fieldset>
      <div role="status" aria-live="polite">
        {saved && <p className="status status--ok">{t('settings.saved')}</p>}
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function Settings() {
  const { t } = useTranslation('notifications');
  const headingId = useId();
  const settings = useNotificationSettings();
  return (
    <section className="inbox__settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.title')}</h2>
      <QueryView query={settings}>{(data) => <SettingsForm settings={data} />}</QueryView>
    </section>
  );
}

/** The signed-in user's inbox: newest first, unread in bold, each linking to the page to act on. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const { params, page, setFilter } = useFilterParams();
  const unreadOnly = params.get('show') === 'unread';
  const query = useNotifications({ unreadOnly, page, size: PAGE_SIZE, language: i18n.language });
  const markAll = useMarkAllRead();
  const listId = useId();
  return (
    <>
      <PageHeader title={t('title')}>
        <p>{t('intro')}</p>
      </PageHeader>
      <div className="inbox__toolbar">
        <div className="field">
          <label htmlFor="inbox-show">{t('filter.label')}</label>
          <select id="inbox-show" value={unreadOnly ? 'unread' : ''} onChange={(event) => setFilter('show', event.target.value)}>
            <option value="">{t('filter.all')}</option>
            <option value="unread">{t('filter.unread')}</option>
          </select>
        </div>
        {query.data && query.data.unread > 0 && (
          <button type="button" className="button button--secondary" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('markAll')}
          </button>
        )}
      </div>
      {markAll.isError && <ErrorMessage error={markAll.error} />}
      <QueryView query={query}>
        {(data) => (
          <section aria-labelledby={listId}>
            <h2 id={listId}>{t('list.count', { count: data.unread })}</h2>
            {data.items.length === 0 ? (
              <Empty>{unreadOnly ? t('list.noneUnread') : t('list.none')}</Empty>
            ) : (
              <ul className="inbox__list">
                {data.items.map((item) => (
                  <Item key={item.id} item={item} />
                ))}
              </ul>
            )}
            <Pagination page={data.page} size={data.size} total={data.total} onPage={(next) => setFilter('page', String(next))} />
          </section>
        )}
      </QueryView>
      <Settings />
    </>
  );
}
