import { UsageError } from "../usage-error.ts";

/** What a live command asks for: one listing of Hugging Face's Daily Papers. */
export type Target =
  | { kind: "date"; value: string }
  | { kind: "week"; value: string }
  | { kind: "month"; value: string }
  | { kind: "trending" };

export type SourceKind = "page" | "api";

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const weekPattern = /^(\d{4})-W(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

/** Validates YYYY-MM-DD, rejecting impossible days such as 2024-02-30. */
export function parseDateArg(value: string, what = "date"): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!datePattern.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${what} must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function parseWeekArg(value: string): string {
  const match = weekPattern.exec(value);
  const week = Number(match?.[2]);
  if (!match || week < 1 || week > weeksInIsoYear(Number(match[1]))) {
    throw new UsageError(
      `week must be an ISO week as YYYY-Www (e.g. 2026-W05), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function parseMonthArg(value: string): string {
  const match = monthPattern.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) {
    throw new UsageError(`month must be YYYY-MM, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The ISO week (YYYY-Www) that contains a day. */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function weeksInIsoYear(year: number): number {
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).endsWith("W53") ? 53 : 52;
}

/** Every day from `from` to `to`, both included. */
export function listDays(from: string, to: string, maxDays = 3_660): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end < start) throw new UsageError(`range end ${to} is before its start ${from}`);
  const count = Math.round((end - start) / 86_400_000) + 1;
  if (count > maxDays) throw new UsageError(`range of ${count} days is longer than ${maxDays} days`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** How many days of listings the targets cover: a day 1, an ISO week 7, a month its days, trending none. */
export function countDays(targets: readonly Target[]): number {
  return targets.reduce((sum, target) => {
    if (target.kind === "date") return sum + 1;
    if (target.kind === "week") return sum + 7;
    if (target.kind === "month") {
      const [year, month] = target.value.split("-").map(Number);
      return sum + new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).getUTCDate();
    }
    return sum;
  }, 0);
}

/** Hugging Face's URL scheme for listing pages. */
export function listingPagePath(target: Target): string {
  switch (target.kind) {
    case "date":
      return `/papers/date/${target.value}`;
    case "week":
      return `/papers/week/${target.value}`;
    case "month":
      return `/papers/month/${target.value}`;
    case "trending":
      return "/papers/trending";
  }
}

/** Whether a captured URL is the trending listing (page or API), e.g. to keep its order when parsed again. */
export function isTrendingUrl(url: string): boolean {
  const parsed = new URL(url, "https://huggingface.co");
  return parsed.pathname === "/papers/trending" || parsed.searchParams.get("sort") === "trending";
}

export const API_PAGE_SIZE = 100;

/** `/api/daily_papers` for one page of results (p counts from 0). */
export function apiPath(target: Target, page: number): string {
  const params = new URLSearchParams();
  if (target.kind !== "trending") params.set(target.kind, target.value);
  else params.set("sort", "trending");
  params.set("p", String(page));
  params.set("limit", String(API_PAGE_SIZE));
  return `/api/daily_papers?${params}`;
}

/** The listing date a target implies for papers without submittedOnDailyAt (only a day listing has one). */
export function listingDateOf(target: Target): string | null {
  return target.kind === "date" ? target.value : null;
}

export function describeTarget(target: Target): string {
  return target.kind === "trending" ? "trending" : `${target.kind} ${target.value}`;
}

/**
 * The days a week or month listing covers, up to `today` (a listing holds no later day yet); null for a day
 * listing or trending.
 */
export function listingRange(target: Target, today: string): { from: string; to: string } | null {
  if (target.kind === "week") {
    const [year, week] = target.value.split("-W").map(Number);
    const jan4 = Date.UTC(year ?? 1970, 0, 4);
    const monday =
      jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * 86_400_000 + ((week ?? 1) - 1) * 7 * 86_400_000;
    return clampRange(isoDay(monday), isoDay(monday + 6 * 86_400_000), today);
  }
  if (target.kind === "month") {
    const [year, month] = target.value.split("-").map(Number);
    const last = new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).getUTCDate();
    return clampRange(`${target.value}-01`, `${target.value}-${String(last).padStart(2, "0")}`, today);
  }
  return null;
}

function clampRange(from: string, to: string, today: string) {
  return { from, to: to < today ? to : today };
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
