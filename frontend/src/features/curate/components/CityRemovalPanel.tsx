import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CityCombobox } from '../../../components/city/CityCombobox';
import { Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { pick } from '../../../lib/i18n/localized';
import {
  useDeleteCity,
  useHiddenCities,
  useManagedCity,
  useRestoreCity,
  useRetireCity,
  type ManagedCity,
} from '../api/managed-cities';

type Asking = 'retire' | 'delete' | null;

/** The confirmation for retiring or deleting one city; deleting asks for its id typed again. */
function Confirm({ city, asking, onClose, onDone }: { city: ManagedCity; asking: 'retire' | 'delete'; onClose: () => void; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('curate');
  const name = pick(city.name, i18n.language).text || city.id;
  const [typed, setTyped] = useState('');
  const retire = useRetireCity();
  const remove = useDeleteCity();
  const mutation = asking === 'retire' ? retire : remove;
  const headingId = useId();
  const inputId = useId();
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="curate__dialog"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h3 id={headingId}>{asking === 'retire' ? t('cities.retireTitle', { name }) : t('cities.deleteTitle', { name })}</h3>
      {asking === 'retire' ? (
        <p>{t('cities.retireExplained')}</p>
      ) : (
        <>
          <p>{t('cities.deleteExplained')}</p>
          <ul>
            <li>{t('cities.dependents.assessments')}</li>
            <li>{t('cities.dependents.caseStudies')}</li>
            <li>{t('cities.dependents.clusters')}</li>
            <li>{t('cities.dependents.search')}</li>
          </ul>
          <div className="field">
            <label htmlFor={inputId}>{t('cities.typeId', { id: city.id })}</label>
            <input
              id={inputId}
              ref={first}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        </>
      )}
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      <div className="curate__actions">
        <button
          ref={asking === 'retire' ? first : undefined}
          type="button"
          className="button button--danger"
          disabled={mutation.isPending || (asking === 'delete' && typed.trim() !== city.id)}
          onClick={() =>
            asking === 'retire'
              ? retire.mutate({ id: city.id, version: city.version }, { onSuccess: () => onDone(t('cities.retired', { name })) })
              : remove.mutate({ id: city.id, confirm: typed.trim() }, { onSuccess: () => onDone(t('cities.deleted', { name })) })
          }
        >
          {mutation.isPending ? t('cities.working') : asking === 'retire' ? t('cities.confirmRetire') : t('cities.confirmDelete')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('cities.cancel')}
        </button>
      </div>
    </div>
  );
}

function ChosenCity({ id, onDone }: { id: string; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('curate');
  const query = useManagedCity(id);
  const [asking, setAsking] = useState<Asking>(null);
  return (
    <QueryView query={query}>
      {(city) => (
        <div className="stack">
          <p>
            <strong>{pick(city.name, i18n.language).text || city.id}</strong> <code>{city.id}</code>{' '}
            {city.state && <span className="chip curate__state">{t(`cities.state.${city.state}`)}</span>}
          </p>
          {asking ? (
            <Confirm city={city} asking={asking} onClose={() => setAsking(null)} onDone={onDone} />
          ) : (
            <div className="curate__actions">
              <button type="button" className="button button--secondary" disabled={Boolean(city.state)} onClick={() => setAsking('retire')}>
                {t('cities.retire')}
              </button>
              <button type="button" className="button button--danger" onClick={() => setAsking('delete')}>
                {t('cities.delete')}
              </button>
            </div>
          )}
        </div>
      )}
    </QueryView>
  );
}

function HiddenCities() {
  const { t, i18n } = useTranslation('curate');
  const [page, setPage] = useState(0);
  const query = useHiddenCities(page);
  const restore = useRestoreCity();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack">
      <h3 id={headingId}>{t('cities.hiddenHeading')}</h3>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('cities.noneHidden')}</Empty>
          ) : (
            <>
              <ul className="curate__hidden-list">
                {data.items.map((city) => {
                  const name = pick(city.name, i18n.language).text || city.id;
                  return (
                    <li key={city.id}>
                      <span>
                        {name} <code>{city.id}</code> <span className="chip curate__state">{t(`cities.state.${city.state ?? 'RETIRED'}`)}</span>
                      </span>
                      {city.state === 'RETIRED' && (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('cities.restoreCity', { name })}
                          disabled={restore.isPending}
                          onClick={() => restore.mutate({ id: city.id, version: city.version })}
                        >
                          {t('cities.restore')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              <Pagination page={data.page} size={data.size} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryView>
      {restore.isError && <ErrorMessage error={restore.error} />}
    </section>
  );
}

/** Admins retire a city (hidden, restorable) or delete one created by mistake, with what depends on it. */
export function CityRemovalPanel() {
  const { t } = useTranslation('curate');
  const [cityId, setCityId] = useState('');
  const [message, setMessage] = useState('');
  const headingId = useId();
  const comboId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cities.heading')}</h2>
      <p>{t('cities.intro')}</p>
      <div className="field">
        <label htmlFor={comboId}>{t('cities.choose')}</label>
        <CityCombobox
          id={comboId}
          value={cityId}
          onChange={(id) => {
            setCityId(id);
            setMessage('');
          }}
        />
      </div>
      <p role="status" className={message ? 'status status--ok' : 'visually-hidden'}>
        {message}
      </p>
      {cityId && (
        <ChosenCity
          key={cityId}
          id={cityId}
          onDone={(done) => {
            setMessage(done);
            setCityId('');
          }}
        />
      )}
      <HiddenCities />
    </section>
  );
}
