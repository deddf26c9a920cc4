import type { ReactNode } from 'react';

/** What a form field's input needs to be labelled, described and marked invalid. */
export type FieldInputProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * A labelled form field with an optional hint and error, wired to its input for assistive
 * technology; {@code label} may carry a required marker.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  children: (props: FieldInputProps) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
