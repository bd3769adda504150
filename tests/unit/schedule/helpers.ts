/** UTC date from 'YYYY-MM-DD' or a full ISO string, independent of the machine's TZ. */
export function d(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
}

/** 'YYYY-MM-DD' of the UTC day. */
export function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}
