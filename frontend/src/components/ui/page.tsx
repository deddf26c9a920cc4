import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMark, langTag, type Picked } from '../../lib/i18n/localized';

/** Sets the browser tab's title from its parts: "Page not found · CityStep". */
export function useDocumentTitle(...parts: string[]) {
  const title = parts.filter(Boolean).join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * A page's heading. Sets the document title and moves focus to the heading after navigation, so
 * screen-reader and keyboard users land on the new page's content. A title that is content (a
 * case study's, a city's name) passes what `pick` chose as `content`: the heading then carries its
 * language, and a language badge when it is not the UI's.
 */
export function PageHeader({ title, content, children }: { title: string; content?: Picked; children?: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title, t('app.name'));
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      <h1 ref={heading} tabIndex={-1} lang={content?.text ? langTag(content.lang) : undefined}>
        {title}
        {content?.text && content.fallback && <LanguageMark lang={content.lang} />}
      </h1>
      {children}
    </header>
  );
}

export function Pagination({
  page,
  size,
  total,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="button button--secondary" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </button>
      <span>{t('pagination.position', { page: page + 1, pages })}</span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
