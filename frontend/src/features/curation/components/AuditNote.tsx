import { useTranslation } from 'react-i18next';

/**
 * Notes the backend writes itself, in English, for actions that change no status (CaseStudy.java:
 * verify, markBestPractice, seedState), by the key that translates them. The API sends no action
 * code, so the text is the code; a person's own note is shown as written.
 */
const ACTIONS: Record<string, string> = {
  'verified as still accurate': 'verified',
  'marked as best practice': 'bestPracticeMarked',
  'best practice mark removed': 'bestPracticeRemoved',
  'demo data': 'demoData',
};

export function AuditNote({ note }: { note: string | undefined }) {
  const { t } = useTranslation('curation');
  if (!note) return null;
  const action = ACTIONS[note.trim().toLowerCase()];
  return <>{action ? t(`audit.notes.${action}`) : note}</>;
}
