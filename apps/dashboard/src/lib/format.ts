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
