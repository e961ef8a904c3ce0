import { type Filters, granularities, type OrgLeaderboardSort, orgLeaderboardSorts } from "@paperpulse/db";
import { type ParamIssue, parseFilters, readChoice, readInteger, toSearchParams } from "../filters";
import { orgGranularities, type PaperSortParam, paperSorts } from "../view-params";

export const apiDefaultLimit = 100;
export const apiMaxLimit = 1000;

export type ApiParams = { params: URLSearchParams; filters: Filters; issues: ParamIssue[]; limit: number };

/** The shared filters as every view reads them, plus the page size: the query of every list endpoint. */
export function parseApiParams(url: string): ApiParams {
  const params = toSearchParams(new URL(url).searchParams);
  const { filters, issues } = parseFilters(params);
  const limit = readInteger(params, "limit", { min: 1, max: apiMaxLimit, fallback: apiDefaultLimit }, issues);
  return { params, filters, issues, limit };
}

/** Papers in the API: oldest daily date first unless `sort` says otherwise (the views' sort keys). */
export function readApiPaperSort(parsed: ApiParams): PaperSortParam {
  return readChoice(parsed.params, "sort", paperSorts, "date", parsed.issues);
}

export function readApiOrgSort(parsed: ApiParams): OrgLeaderboardSort {
  return readChoice(parsed.params, "sort", orgLeaderboardSorts, "papers", parsed.issues);
}

/** Day, week or month (default month): the upvote series. */
export function readApiGranularity(parsed: ApiParams) {
  return readChoice(parsed.params, "granularity", granularities, "month", parsed.issues);
}

/** Week or month (default month): the organisation and topic series, as the compare view draws them. */
export function readApiSeriesGranularity(parsed: ApiParams) {
  return readChoice(parsed.params, "granularity", orgGranularities, "month", parsed.issues);
}
