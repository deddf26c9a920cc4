import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type MaturityDistribution = Schemas['MaturityDistribution'];
export type CharacteristicDistribution = Schemas['CharacteristicDistribution'];
export type DistributionGroup = Schemas['Group'];
export type GroupBy = 'region' | 'country';

const PATH = '/api/v1/reports/maturity-distribution';

/** The white paper's Figure 3: how many cities are at each level, per characteristic and group. */
export const maturityDistributionQuery = (groupBy: GroupBy) =>
  queryOptions({
    queryKey: ['reports', 'maturity-distribution', groupBy],
    queryFn: async ({ signal }): Promise<MaturityDistribution> => {
      const data = await unwrap(
        api.GET(PATH, { params: { query: { groupBy } }, headers: { Accept: 'application/json' }, signal }),
      );
      // the operation also answers text/csv, so the generated type is a union: JSON was asked for
      if (typeof data === 'string') throw new TypeError('Expected the report as JSON, got text');
      return data;
    },
  });

export function useMaturityDistribution(groupBy: GroupBy) {
  return useQuery(maturityDistributionQuery(groupBy));
}

function filenameFrom(response: Response | undefined, fallback: string): string {
  const disposition = response?.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** The same report as CSV (content negotiation on Accept), as a file name and a Blob. */
export async function fetchMaturityDistributionCsv(groupBy: GroupBy): Promise<{ blob: Blob; filename: string }> {
  const call = api.GET(PATH, {
    params: { query: { groupBy } },
    headers: { Accept: 'text/csv' },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return { blob, filename: filenameFrom(response, `maturity-distribution-by-${groupBy}.csv`) };
}

/** Saves a Blob through a temporary object URL and `<a download>`. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // give the browser a moment to start the download before the URL is revoked
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Downloads the CSV; `isPending`/`error` drive the button and its error message. */
export function useDownloadMaturityCsv() {
  return useMutation({
    mutationFn: async (groupBy: GroupBy) => {
      const { blob, filename } = await fetchMaturityDistributionCsv(groupBy);
      saveBlob(blob, filename);
      return filename;
    },
  });
}
