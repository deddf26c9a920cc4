import type { Slot } from './api/types';

/** The browser's IANA time zone, e.g. "Asia/Shanghai": the zone a `datetime-local` input is typed in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A `datetime-local` value ("2026-12-08T10:00", a wall-clock time in the browser's zone) as the UTC
 * instant the API takes ("2026-12-08T09:00:00.000Z" in Amsterdam in winter); '' when it is not one.
 */
export function toInstant(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return '';
  const date = new Date(local); // no offset: ECMAScript reads it as local time
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's zone (the inverse of `toInstant`). */
export function toLocalInput(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function rangeFormat(language: string, timeZone: string | undefined) {
  // Chinese writes the date in words (2026年12月8日星期二); with short parts a range falls back to 2026/12/8
  const chinese = language.startsWith('zh');
  const options: Intl.DateTimeFormatOptions = {
    weekday: chinese ? 'long' : 'short',
    year: 'numeric',
    month: chinese ? 'long' : 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    // an unknown zone name: the reader's own zone, still labelled with its offset
    return new Intl.DateTimeFormat(language, options);
  }
}

/**
 * A slot as the wall-clock times of `timeZone` (a city's IANA zone; the browser's when undefined),
 * in the UI language: "Tue, Dec 8, 2026, 10:00 – 11:00 AM GMT+1".
 */
export function formatSlot(slot: Slot, language: string, timeZone?: string): string {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${slot.start} – ${slot.end}`;
  return rangeFormat(language, timeZone).formatRange(start, end);
}

/** One instant in the reader's zone, date and time: "Dec 8, 2026, 10:02 AM". */
export function formatInstant(instant: string, language: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Whether two slots are the same time (the API may write instants with or without milliseconds). */
export function sameSlot(a: Slot | undefined, b: Slot | undefined): boolean {
  if (!a || !b) return false;
  return new Date(a.start).getTime() === new Date(b.start).getTime() && new Date(a.end).getTime() === new Date(b.end).getTime();
}
