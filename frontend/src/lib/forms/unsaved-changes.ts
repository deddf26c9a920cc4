import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useLeaveWarning } from './leave-warning';

/**
 * Warns before unsaved input is lost (tab closed, link followed), driven by react-hook-form's own
 * dirty state: the form is dirty while its values differ from the values it was last reset to (so
 * call `form.reset(saved)` after a save). Not while `disabled` (a read-only form). Returns
 * `allowNextNavigation`, for the page's own navigation right after it saved.
 */
export function useUnsavedChangesPrompt<T extends FieldValues>(form: UseFormReturn<T>, { disabled = false } = {}) {
  return useLeaveWarning(form.formState.isDirty && !disabled);
}
