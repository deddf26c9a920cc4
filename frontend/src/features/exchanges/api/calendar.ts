import { call } from '../../../lib/api/by-path';

/**
 * GET /api/v1/exchanges/{id}/calendar.ics, fetched with the bearer token (a plain link could not
 * send it) and saved as a file through a temporary object URL.
 */
export async function downloadCalendar(id: string) {
  const file = await call<Blob>('get', '/api/v1/exchanges/{id}/calendar.ics', { params: { path: { id } }, parseAs: 'blob' });
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = `citystep-exchange-${id}.ics`;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started by then; the object URL is not needed any more
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
