import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorMessage, Loading } from '../../../components/ui/status';
import { useAudit } from '../api/audit';
import { TableWrap } from '../../../components/ui/table-wrap';
import { AuditNote } from './AuditNote';

function formatDateTime(iso: string, language: string) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The case study's transitions (who, when, from, to, note), fetched when first expanded. */
export function AuditTrail({ id, title }: { id: string; title: string }) {
  const { t, i18n } = useTranslation('curation');
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const audit = useAudit(id, open);
  return (
    <div className="queue-audit">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('audit.hide') : t('audit.show')}
      </button>
      <div id={regionId} hidden={!open}>
        {open &&
          (audit.isPending ? (
            <Loading />
          ) : audit.isError ? (
            <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />
          ) : audit.data.length === 0 ? (
            <Empty>{t('audit.none')}</Empty>
          ) : (
            <TableWrap label={t('audit.caption', { title })}>
              <table className="table audit-table">
                <caption className="visually-hidden">{t('audit.caption', { title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('audit.who')}</th>
                    <th scope="col">{t('audit.from')}</th>
                    <th scope="col">{t('audit.to')}</th>
                    <th scope="col">{t('audit.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.data.map((entry, index) => (
                    <tr key={index}>
                      <td>{formatDateTime(entry.at, i18n.language)}</td>
                      <td>{entry.by}</td>
                      <td>{entry.from ? t(`statuses.${entry.from}`) : '—'}</td>
                      <td>{t(`statuses.${entry.to}`)}</td>
                      <td className="audit-table__note">
                        <AuditNote note={entry.note} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ))}
      </div>
    </div>
  );
}
