import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { characteristicName, formatList } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { useReference } from '../../../lib/reference/reference';
import {
  type Expert,
  type ExpertStatus,
  useApproveExpert,
  useExpertsByStatus,
  useProposeExpert,
  useRetireExpert,
  useUpdateExpert,
} from '../api/experts-admin';
import { EMPTY_EXPERT, inputOf, valuesOf } from '../form';
import { ExpertForm } from './ExpertForm';
import './expert-database.css';
import { useFilterParams } from '../../../lib/routing/filter-params';

const PAGE_SIZE = 20;
const STATUSES: readonly ExpertStatus[] = ['PROPOSED', 'APPROVED', 'RETIRED'];

/** One expert of the list; `onRefresh` reads the list again (after a stale version, for the newest version). */
function ExpertRow({ expert, onDone, onRefresh }: { expert: Expert; onDone: (message: string) => void; onRefresh: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation('expert-database');
  const reference = useReference().data;
  const headingId = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'retire'>('view');
  const [formKey, setFormKey] = useState(0);
  const approve = useApproveExpert();
  const retire = useRetireExpert();
  const update = useUpdateExpert();
  const expertise = formatList(
    expert.expertise.characteristics.map((code) => {
      const level = expert.expertise.levels?.[code];
      const name = characteristicName(reference, code, i18n.language);
      return level ? t('upTo', { characteristic: name, level: t(`levels.${level}`, { ns: 'common' }) }) : name;
    }),
    i18n.language,
  );
  return (
    <li>
      <article className="card expert-row" aria-labelledby={headingId}>
        <h2 id={headingId}>{expert.name}</h2>
        <p className="expert-row__meta">
          <span className="chip">{t(`statuses.${expert.status}`)}</span>
          {Object.keys(expert.affiliation).length > 0 && <Localized text={expert.affiliation} />}
          <span>{expert.country}</span>
          <span>{t(`availability.${expert.availability}`)}</span>
        </p>
        <p className="small">{t('expertise', { list: expertise })}</p>
        {mode === 'view' && (
          <div className="actions">
            {expert.status === 'APPROVED' && (
              <Link className="button button--secondary" to={`/experts?expert=${expert.id}`}>
                {t('actions.view')}
              </Link>
            )}
            <button type="button" className="button button--secondary" onClick={() => setMode('edit')}>
              {t('actions.edit', { name: expert.name })}
            </button>
            {expert.status === 'PROPOSED' && (
              <button
                type="button"
                className="button"
                disabled={approve.isPending}
                onClick={() =>
                  approve.mutate({ id: expert.id, version: expert.version }, { onSuccess: () => onDone(t('done.approved', { name: expert.name })) })
                }
              >
                {t('actions.approve', { name: expert.name })}
              </button>
            )}
            {expert.status !== 'RETIRED' && (
              <button type="button" className="button button--danger" onClick={() => setMode('retire')}>
                {t('actions.retire', { name: expert.name })}
              </button>
            )}
          </div>
        )}
        {approve.isError && <ErrorMessage error={approve.error} />}
        {mode === 'retire' && (
          <div className="expert-confirm" role="group" aria-label={t('confirm.label')}>
            <p>{t('confirm.retire', { name: expert.name })}</p>
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                disabled={retire.isPending}
                onClick={() =>
                  retire.mutate(
                    { id: expert.id, version: expert.version },
                    { onSuccess: () => onDone(t('done.retired', { name: expert.name })) },
                  )
                }
              >
                {t('confirm.yes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setMode('view')}>
                {t('confirm.no')}
              </button>
            </div>
            {retire.isError && <ErrorMessage error={retire.error} />}
          </div>
        )}
        {mode === 'edit' && (
          <ExpertForm
            key={formKey}
            idPrefix={`edit-${expert.id}`}
            initial={valuesOf(expert)}
            withId={false}
            submitLabel={t('form.save')}
            busy={update.isPending}
            error={update.error}
            onSubmit={async (values) => {
              await update.mutateAsync({ id: expert.id, input: inputOf({ ...values, id: '' }, expert.version) });
              setMode('view');
              onDone(t('done.saved', { name: values.name }));
            }}
            onReload={() => {
              update.reset();
              void onRefresh().then(() => setFormKey((key) => key + 1));
            }}
            onKeepMine={() => {
              update.reset();
              return onRefresh();
            }}
          >
            <button type="button" className="button button--secondary" onClick={() => setMode('view')}>
              {t('form.cancel')}
            </button>
          </ExpertForm>
        )}
      </article>
    </li>
  );
}

function isStatus(value: string | null): value is ExpertStatus {
  return STATUSES.includes(value as ExpertStatus);
}

/** The expert database for curators: propose, approve, edit and retire experts. */
export function ExpertAdminPage() {
  const { t } = useTranslation('expert-database');
  const { params, page, setFilter } = useFilterParams();
  const requested = params.get('status');
  const status: ExpertStatus = isStatus(requested) ? requested : 'PROPOSED';
  const query = useExpertsByStatus(status, page, PAGE_SIZE);
  const [announcement, setAnnouncement] = useState('');
  const [proposing, setProposing] = useState(false);
  const propose = useProposeExpert();

  return (
    <>
      <PageHeader title={t('admin.title')}>
        <p>{t('admin.intro')}</p>
      </PageHeader>
      <div role="status" aria-live="polite" className="expert-announce">
        {announcement && <p className="status status--ok">{announcement}</p>}
      </div>
      {proposing ? (
        <section className="card" aria-labelledby="propose-heading">
          <h2 id="propose-heading">{t('admin.propose')}</h2>
          <ExpertForm
            idPrefix="propose"
            initial={EMPTY_EXPERT}
            withId
            submitLabel={t('admin.proposeSubmit')}
            busy={propose.isPending}
            error={propose.error}
            onSubmit={async (values) => {
              const created = await propose.mutateAsync(inputOf(values, undefined));
              setProposing(false);
              setAnnouncement(t('done.proposed', { name: created.name }));
            }}
          >
            <button type="button" className="button button--secondary" onClick={() => setProposing(false)}>
              {t('form.cancel')}
            </button>
          </ExpertForm>
        </section>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setProposing(true)}>
            {t('admin.propose')}
          </button>
        </p>
      )}
      <nav aria-label={t('admin.tabs')}>
        <ul className="expert-tabs">
          {STATUSES.map((name) => (
            <li key={name}>
              <Link to={`/expert-database?status=${name}`} aria-current={name === status ? 'page' : undefined}>
                {t(`tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueryView query={query}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <Empty>{t(`empty.${status}`)}</Empty>
            ) : (
              <ul className="expert-rows" aria-label={t(`tabs.${status}`)}>
                {data.items.map((expert) => (
                  <ExpertRow key={expert.id} expert={expert} onDone={setAnnouncement} onRefresh={() => query.refetch()} />
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
        )}
      </QueryView>
    </>
  );
}
