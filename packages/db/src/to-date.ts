/** A timestamptz from a raw select: postgres.js returns it as text, PGlite as a Date. */
export function toDate(value: string | Date | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
