// Formatting shared by pages, tables and charts, so every view writes numbers and dates the same way.

const integer = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const shortDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

export function formatInteger(value: number): string {
  return integer.format(value);
}

export function formatCompact(value: number): string {
  return compact.format(value);
}

/** A YYYY-MM-DD daily date as "Jul 31, 2026" (daily dates are calendar days: no time zone shift). */
export function formatDay(day: string): string {
  return longDate.format(new Date(`${day}T00:00:00Z`));
}

/** Axis label for a day: "Jul 31"; a month start on a long axis reads "Jul 2026". */
export function formatDayTick(day: string, monthly: boolean): string {
  const date = new Date(`${day}T00:00:00Z`);
  return monthly ? monthYear.format(date) : shortDate.format(date);
}

/** The paper's page on Hugging Face; the id is encoded so it can only ever be one path segment. */
export function hfPaperUrl(id: string): string {
  return `https://huggingface.co/papers/${encodeURIComponent(id)}`;
}

/** A scraped URL if it is http(s), else null: never render javascript:, data: and the like as links. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A timestamp as "Jul 31, 2026, 08:12 UTC": the server and every reader see the same time. */
export function formatDateTime(value: Date): string {
  return `${dateTime.format(value)} UTC`;
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms - minutes * 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** How long ago, coarse: "5 min ago", "3 h ago", "12 days ago". */
export function formatAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(ms / 86_400_000)} days`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The arXiv abstract page for an arXiv-style id (2407.21783), else null: other ids have no arXiv page. */
export function arxivUrl(id: string): string | null {
  return /^\d{4}\.\d{4,5}(v\d+)?$/.test(id) ? `https://arxiv.org/abs/${id}` : null;
}

/** A dashboard path segment for a scraped name or id: encoded, so it is only ever one segment. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}
