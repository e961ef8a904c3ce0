import {
  type CompareBy,
  type Filters,
  type Granularity,
  type OrgLeaderboardSort,
  type PaperSort,
  type PaperSortKey,
  type RisingWindow,
  risingWindows,
} from "@paperpulse/db";
import {
  type ParamIssue,
  parseFilters,
  readChoice,
  readInteger,
  type SearchParamsInput,
  toSearchParams,
} from "./filters";

// View-specific parameters beside the shared filters. Every value comes from an allowlist or a bounded integer:
// nothing from the URL reaches SQL except as a bound parameter or as a key looked up in a fixed table.

export const paperSorts = [
  "-upvotes",
  "upvotes",
  "-comments",
  "comments",
  "-date",
  "date",
  "-title",
  "title",
] as const;
export type PaperSortParam = (typeof paperSorts)[number];
export const defaultPaperSort: PaperSortParam = "-upvotes";
export const papersPageSize = 50;
export const maxPage = 10_000;

export const orgGranularities = ["week", "month"] as const;
export const orgBoardSorts = [
  "papers",
  "upvotes",
  "median",
  "top10",
] as const satisfies readonly OrgLeaderboardSort[];

export type ViewParams<T> = { filters: Filters; issues: ParamIssue[] } & T;

export function toPaperSort(param: PaperSortParam): PaperSort {
  const desc = param.startsWith("-");
  return { key: (desc ? param.slice(1) : param) as PaperSortKey, dir: desc ? "desc" : "asc" };
}

export function parseOverviewParams(input: SearchParamsInput): ViewParams<{ granularity: Granularity }> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const granularity = readChoice(params, "granularity", ["day", "week", "month"] as const, "day", issues);
  return { filters, issues, granularity };
}

export const risingLimit = 50;

/** `window`: which gain the Rising view sorts by, the last 24 hours (default) or 7 days. */
export function parseRisingParams(input: SearchParamsInput): ViewParams<{ window: RisingWindow }> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const window = readChoice(params, "window", risingWindows, "24h", issues);
  return { filters, issues, window };
}

export function parsePapersParams(
  input: SearchParamsInput,
): ViewParams<{ sort: PaperSortParam; page: number }> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const sort = readChoice(params, "sort", paperSorts, defaultPaperSort, issues);
  const page = readInteger(params, "page", { min: 1, max: maxPage, fallback: 1 }, issues);
  return { filters, issues, sort, page };
}

export function parseOrgsParams(input: SearchParamsInput): ViewParams<{
  granularity: (typeof orgGranularities)[number];
  top: number;
  sort: OrgLeaderboardSort;
}> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const granularity = readChoice(params, "granularity", orgGranularities, "month", issues);
  const top = readInteger(params, "top", { min: 1, max: 20, fallback: 8 }, issues);
  const sort = readChoice(params, "sort", orgBoardSorts, "papers", issues);
  return { filters, issues, granularity, top, sort };
}

export const keywordPeriods = ["week", "month", "quarter"] as const;

export function parseTopicsParams(input: SearchParamsInput): ViewParams<{
  granularity: (typeof orgGranularities)[number];
  top: number;
  period: (typeof keywordPeriods)[number];
  minCount: number;
}> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const granularity = readChoice(params, "granularity", orgGranularities, "month", issues);
  const top = readInteger(params, "top", { min: 1, max: 20, fallback: 8 }, issues);
  const period = readChoice(params, "period", keywordPeriods, "month", issues);
  const minCount = readInteger(params, "minCount", { min: 1, max: 1000, fallback: 3 }, issues);
  return { filters, issues, granularity, top, period, minCount };
}

export const compareBys = ["org", "topic"] as const satisfies readonly CompareBy[];
export const compareMetrics = ["papers", "upvotes", "share"] as const;
export type CompareMetric = (typeof compareMetrics)[number];
/** With nothing picked, the compare view starts from this many organisations (or topics) with the most papers. */
export const compareDefaultKeys = 5;

/**
 * `by`: organisations (the `org` filter) or topics (the `topic` filter) side by side; `metric`: what each line
 * draws; `granularity`: week or month.
 */
export function parseCompareParams(input: SearchParamsInput): ViewParams<{
  by: CompareBy;
  metric: CompareMetric;
  granularity: (typeof orgGranularities)[number];
}> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const by = readChoice(params, "by", compareBys, "org", issues);
  const metric = readChoice(params, "metric", compareMetrics, "papers", issues);
  const granularity = readChoice(params, "granularity", orgGranularities, "month", issues);
  return { filters, issues, by, metric, granularity };
}
