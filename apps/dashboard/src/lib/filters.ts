import type { Filters } from "@paperpulse/db";
import { z } from "zod";

/** Query parameters as Next hands them to pages, or as a URL has them. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export type ParamIssue = { param: string; message: string };

export type ParsedFilters = { filters: Filters; issues: ParamIssue[] };

export const maxOrgLength = 200;
export const maxOrgs = 50;

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(isCalendarDate, "must be a real calendar date");

const orgSchema = z
  .string()
  .max(maxOrgLength, `must be at most ${maxOrgLength} characters`)
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export function toSearchParams(input: SearchParamsInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      params.append(name, item);
    }
  }
  return params;
}

/**
 * Reads the filters every view and export shares: `org` (repeatable), `from`, `to`. Empty values (an empty form
 * field) count as absent; unknown parameters are ignored. Invalid values are left out of the filters and reported,
 * so pages can show them and exports can answer 400.
 */
export function parseFilters(input: SearchParamsInput): ParsedFilters {
  const params = toSearchParams(input);
  const issues: ParamIssue[] = [];
  const filters: Filters = { orgs: [] };

  for (const raw of params.getAll("org")) {
    const value = raw.trim();
    if (value === "") continue;
    const result = orgSchema.safeParse(value);
    if (!result.success) issues.push(issue("org", result.error, value));
    else if (!filters.orgs.includes(value)) filters.orgs.push(value);
  }
  if (filters.orgs.length > maxOrgs) {
    issues.push({ param: "org", message: `at most ${maxOrgs} organisations can be selected at once` });
    filters.orgs = filters.orgs.slice(0, maxOrgs);
  }

  for (const param of ["from", "to"] as const) {
    const values = params.getAll(param).filter((value) => value.trim() !== "");
    if (values.length > 1) issues.push({ param, message: "must be given at most once" });
    const value = values[0]?.trim();
    if (value === undefined) continue;
    const result = dateSchema.safeParse(value);
    if (result.success) filters[param] = result.data;
    else issues.push(issue(param, result.error, value));
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    issues.push({ param: "to", message: `must not be before from (${filters.from})` });
    delete filters.to;
  }
  return { filters, issues };
}

/** The URL query for filters (plus extra parameters), as used by links that keep the current view's filters. */
export function filtersToQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const org of filters.orgs) params.append("org", org);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

export function describeIssues(issues: ParamIssue[]): string {
  return issues.map((item) => `${item.param}: ${item.message}`).join("; ");
}

function issue(param: string, error: z.ZodError, value: string): ParamIssue {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { param, message: `${error.issues[0]?.message ?? "is invalid"} (got "${shown}")` };
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
