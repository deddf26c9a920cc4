import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { QueryView } from '../../../components/ui/status';
import { useGlossaryTerm } from '../api/glossary-term';
import { TermForm } from './TermForm';
import './glossary.css';

/** /glossary/new and /glossary/:id/edit (curators and administrators). */
export function GlossaryEditorPage() {
  const { t } = useTranslation('glossary');
  const { id } = useParams();
  const term = useGlossaryTerm(id);
  // a reload after a stale version starts the form again from what the server has now
  const [resets, setResets] = useState(0);
  return (
    <div className="glossary__editor">
      <PageHeader title={id ? t('editor.titleEdit') : t('editor.titleNew')} />
      {id ? (
        <QueryView query={term}>
          {(entry) => (
            <TermForm
              key={`${entry.version}-${resets}`}
              entry={entry}
              onReload={async () => {
                await term.refetch();
                setResets((count) => count + 1);
              }}
            />
          )}
        </QueryView>
      ) : (
        <TermForm />
      )}
    </div>
  );
}
