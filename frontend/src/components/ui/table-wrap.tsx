import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on narrow screens inside its own box (never the page), which
 * keyboard users can focus and scroll; `label` names it for screen readers.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
