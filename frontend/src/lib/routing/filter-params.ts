import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the address (so a filtered list can be bookmarked and shared): the
 * current params, the page number, and a setter that goes back to the first page whenever a
 * filter (anything but `page`) changes. An empty value removes the filter.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const setFilter = useCallback(
    (name: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          if (name !== 'page') next.delete('page');
          return next;
        },
        { preventScrollReset: true },
      ),
    [setParams],
  );
  return { params, setParams, page, setFilter };
}
