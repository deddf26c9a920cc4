import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, QueryView } from '../../../components/ui/status';
import { QUEUES, type Queue, useCurationQueue } from '../api/queue';
import { type ItemDone, QueueItem } from './QueueItem';
import { useCityNames } from '../../../lib/city/city-names';
import './curation.css';
import { useFilterParams } from '../../../lib/routing/filter-params';

const PAGE_SIZE = 10;

function isQueue(value: string | null): value is Queue {
  return QUEUES.includes(value as Queue);
}

export function CurationQueuePage() {
  const { t } = useTranslation('curation');
  const { params, page, setFilter } = useFilterParams();
  const tab = params.get('tab');
  const queue: Queue = isQueue(tab) ? tab : 'submitted';
  const query = useCurationQueue(queue, page, PAGE_SIZE);
  // the page's cities named by id in one request, whichever of the thousands of cities they are
  const cityNames = useCityNames(query.data?.items.map((study) => study.cityId) ?? []).data;
  // items acted on leave at once (the version acted on); the refetched queue confirms it
  const [gone, setGone] = useState<Map<string, number>>(() => new Map());
  const [announcement, setAnnouncement] = useState('');

  const done = ({ id, version, title, kind, leaves }: ItemDone) => {
    if (leaves) setGone((previous) => new Map(previous).set(id, version));
    setAnnouncement(t(`done.${kind}`, { title }));
  };

  const tabLink = (name: Queue) => (name === 'submitted' ? '/curation' : `/curation?tab=${name}`);

  return (
    <>
      <PageHeader title={t('title')}>
        <p>{t('intro')}</p>
      </PageHeader>
      <nav aria-label={t('tabs.label')}>
        <ul className="queue-tabs">
          {QUEUES.map((name) => (
            <li key={name}>
              <Link to={tabLink(name)} aria-current={name === queue ? 'page' : undefined} onClick={() => setAnnouncement('')}>
                {t(`tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div role="status" aria-live="polite" className="queue-announce">
        {announcement && <p className="status status--ok">{announcement}</p>}
      </div>
      <QueryView query={query}>
        {(data) => {
          const items = data.items.filter((study) => gone.get(study.id) !== study.version);
          return (
            <>
              <p className="muted">{t('count', { count: Math.max(0, data.total - (data.items.length - items.length)) })}</p>
              {items.length === 0 ? (
                <Empty>{t(`empty.${queue}`)}</Empty>
              ) : (
                <ul className="queue" aria-label={t(`tabs.${queue}`)}>
                  {items.map((study) => (
                    <QueueItem key={study.id} study={study} queue={queue} cityName={cityNames?.get(study.cityId)} onDone={done} />
                  ))}
                </ul>
              )}
              <Pagination
                page={data.page}
                size={data.size}
                total={data.total}
                onPage={(next) =>
                  setFilter('page', String(next))
                }
              />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
