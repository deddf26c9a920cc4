import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { formatDate } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { useReference } from '../../../lib/reference/reference';
import { useCaseStudy } from '../api/case-study';
import { useCaseStudyAudit } from '../api/case-study-audit';
import { CaseStudyEditor } from './CaseStudyEditor';
import './case-study-editor.css';

const EDITABLE = ['DRAFT', 'CHANGES_REQUESTED'];

function CuratorNote({ id }: { id: string }) {
  const { t, i18n } = useTranslation('case-study-editor');
  const audit = useCaseStudyAudit(id, true);
  const last = audit.data?.filter((entry) => entry.to === 'CHANGES_REQUESTED').at(-1);
  return (
    <div className="status status--error cs-editor__note">
      <p className="status__heading">{t('changesRequested')}</p>
      {audit.isPending ? (
        <Loading />
      ) : last?.note ? (
        <>
          <p className="status__detail">{t('curatorNote', { by: last.by, date: formatDate(last.at, i18n.language) })}</p>
          <blockquote>{last.note}</blockquote>
        </>
      ) : (
        <p>{t('noNote')}</p>
      )}
    </div>
  );
}

export function CaseStudyEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation('case-study-editor');
  const reference = useReference();
  const study = useCaseStudy(id);
  const session = useSession();
  const [resetKey, setResetKey] = useState(0);
  const [reloading, setReloading] = useState(false);
  const title = id ? t('titleEdit') : t('titleNew');

  async function reload() {
    setReloading(true);
    await study.refetch();
    setResetKey((key) => key + 1);
    setReloading(false);
  }

  let content: ReactNode;
  if (reference.isError) content = <ErrorMessage error={reference.error} onRetry={() => void reference.refetch()} />;
  else if (id && study.isError) content = <ErrorMessage error={study.error} onRetry={() => void study.refetch()} />;
  else if (reference.isPending || (id && study.isPending) || session.isLoading || reloading) content = <Loading />;
  else if (study.data && !EDITABLE.includes(study.data.status)) {
    content = (
      <div className="status status--empty">
        <p>{t('notEditable', { status: t(`statuses.${study.data.status}`) })}</p>
        <Link to={`/case-studies/${encodeURIComponent(study.data.id)}`}>{t('view')}</Link>
      </div>
    );
  } else {
    content = (
      <CaseStudyEditor
        key={`${study.data?.id ?? 'new'}-${resetKey}`}
        onReload={() => void reload()}
        onLatestVersion={async () => (await study.refetch()).data?.version}
        study={study.data}
        reference={reference.data}
        curatorNote={study.data?.status === 'CHANGES_REQUESTED' ? <CuratorNote id={study.data.id} /> : undefined}
      />
    );
  }

  return (
    <div className="cs-editor-page">
      <PageHeader title={title}>
        {study.data && (
          <p>
            <Localized text={study.data.title} /> · {t('status', { status: t(`statuses.${study.data.status}`) })}
          </p>
        )}
        <p>{t('intro')}</p>
      </PageHeader>
      {content}
    </div>
  );
}
