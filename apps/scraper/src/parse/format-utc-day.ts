/** "2024-08-01T00:00:00.000Z" → "2024-08-01" (the UTC calendar day); null for absent or unparseable input. */
export function formatUtcDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 10);
}
