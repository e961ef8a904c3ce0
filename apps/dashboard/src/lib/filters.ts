import type { Filters } from "@paperpulse/db";
import { z } from "zod";

/** Query parameters as Next hands them to pages, or as a URL has them. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export type ParamIssue = { param: string; message: string };

export type ParsedFilters = { filters: Filters; issues: ParamIssue[] };

export const maxOrgLength = 200;
export const maxOrgs = 50;
export const maxQueryLength = 200;
export const maxKeywordLength = 100;
/** More topics than the taxonomy has would select every paper anyway. */
export const maxTopics = 30;
/** Upvotes are int4 in the database; no paper comes near a billion. */
export const maxUpvotes = 999_999_999;

/** The parameters every view and export shares; nav links carry these from view to view. */
export const sharedParams = ["org", "from", "to", "topic", "q", "minUpvotes", "keyword", "groups"] as const;

const noControl = /^[^\p{Cc}]*$/u;

/**
 * A daily date as YYYY-MM-DD, or a whole month (YYYY-MM) or year (YYYY): `from=2025` starts on 2025-01-01 and
 * `to=2025-02` ends on 2025-02-28, so `from=1970&to=2100` reads as it says.
 */
export const dateSchema = (edge: "start" | "end") =>
  z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date as YYYY-MM-DD (or YYYY-MM, YYYY)")
    .transform((value) => expandDate(value, edge))
    .refine(isCalendarDate, "must be a real calendar date");

export const orgSchema = z
  .string()
  .max(maxOrgLength, `must be at most ${maxOrgLength} characters`)
  .regex(noControl, "must not contain control characters");

export const topicSchema = z
  .string()
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a topic slug (lowercase letters, digits and dashes)");

export const querySchema = z
  .string()
  .max(maxQueryLength, `must be at most ${maxQueryLength} characters`)
  .regex(noControl, "must not contain control characters");

export const keywordSchema = z
  .string()
  .max(maxKeywordLength, `must be at most ${maxKeywordLength} characters`)
  .regex(noControl, "must not contain control characters");

export const minUpvotesSchema = z
  .string()
  .regex(/^\d+$/, "must be a whole number of upvotes")
  .max(9, `must be at most ${maxUpvotes}`)
  .transform(Number)
  .pipe(z.number().int().min(0).max(maxUpvotes, `must be at most ${maxUpvotes}`));

/** `groups=1`: organisations as their groups; `0` (or absent): Hugging Face's names. */
export const groupsSchema = z
  .enum(["0", "1"], { message: "must be 1 (organisations as their groups) or 0" })
  .transform((value) => value === "1");

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
 * Reads the filters every view and export shares: `org` (repeatable), `from`, `to`, `topic` (repeatable), `q`,
 * `minUpvotes`, `keyword`, `groups`.
 * Empty values (an empty form field) count as absent; unknown parameters are ignored. Invalid values are left out
 * of the filters and reported, so pages can show them inline and exports can answer 400.
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

  const from = readScalar(params, "from", dateSchema("start"), issues);
  const to = readScalar(params, "to", dateSchema("end"), issues);
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  if (filters.from && filters.to && filters.from > filters.to) {
    issues.push({ param: "to", message: `must not be before from (${filters.from})` });
    delete filters.to;
  }
  const topics = readList(params, "topic", topicSchema, issues);
  if (topics.length > maxTopics) {
    issues.push({ param: "topic", message: `at most ${maxTopics} topics can be selected at once` });
  } else if (topics.length > 0) filters.topics = topics;
  const q = readScalar(params, "q", querySchema, issues);
  if (q !== undefined) filters.q = q;
  const minUpvotes = readScalar(params, "minUpvotes", minUpvotesSchema, issues);
  if (minUpvotes !== undefined) filters.minUpvotes = minUpvotes;
  const keyword = readScalar(params, "keyword", keywordSchema, issues);
  if (keyword !== undefined) filters.keyword = keyword;
  if (readScalar(params, "groups", groupsSchema, issues)) filters.groups = true;
  return { filters, issues };
}

/**
 * A parameter that may appear at most once: trimmed, empty means absent, validated by `schema`. Given twice (an
 * array where a scalar is expected) it is an issue, and neither value is used.
 */
export function readScalar<T>(
  params: URLSearchParams,
  name: string,
  schema: z.ZodType<T, string>,
  issues: ParamIssue[],
): T | undefined {
  const values = params
    .getAll(name)
    .map((value) => value.trim())
    .filter((value) => value !== "");
  if (values.length > 1) {
    issues.push({ param: name, message: "must be given at most once" });
    return undefined;
  }
  const value = values[0];
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  issues.push(issue(name, result.error, value));
  return undefined;
}

/** A repeatable parameter: trimmed, empty values skipped, duplicates once, each validated by `schema`. */
export function readList<T>(
  params: URLSearchParams,
  name: string,
  schema: z.ZodType<T, string>,
  issues: ParamIssue[],
): T[] {
  const values: T[] = [];
  for (const raw of params.getAll(name)) {
    const value = raw.trim();
    if (value === "") continue;
    const result = schema.safeParse(value);
    if (!result.success) issues.push(issue(name, result.error, value));
    else if (!values.includes(result.data)) values.push(result.data);
  }
  return values;
}

/** One of `allowed` (e.g. a sort key or a granularity), else the default and an issue naming the choices. */
export function readChoice<const T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
  issues: ParamIssue[],
): T {
  const schema = z.string().refine((value): value is T => (allowed as readonly string[]).includes(value), {
    message: `must be one of ${allowed.join(", ")}`,
  }) as unknown as z.ZodType<T, string>;
  return readScalar(params, name, schema, issues) ?? fallback;
}

/** A whole number from `min` to `max` (a page number, a count), else the default and an issue. */
export function readInteger(
  params: URLSearchParams,
  name: string,
  range: { min: number; max: number; fallback: number },
  issues: ParamIssue[],
): number {
  const schema = z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .max(String(range.max).length, `must be at most ${range.max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(range.min, `must be at least ${range.min}`)
        .max(range.max, `must be at most ${range.max}`),
    );
  return readScalar(params, name, schema, issues) ?? range.fallback;
}

/** The URL query for filters (plus extra parameters), as used by links that keep the current view's filters. */
export function filtersToQuery(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const org of filters.orgs) params.append("org", org);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const topic of filters.topics ?? []) params.append("topic", topic);
  if (filters.q) params.set("q", filters.q);
  if (filters.minUpvotes !== undefined) params.set("minUpvotes", String(filters.minUpvotes));
  if (filters.keyword) params.set("keyword", filters.keyword);
  if (filters.groups) params.set("groups", "1");
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) params.set(name, value);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/** Whether any shared filter narrows the view. */
export function hasFilters(filters: Filters): boolean {
  return (
    filters.orgs.length > 0 ||
    Boolean(filters.from || filters.to || filters.topics?.length || filters.q || filters.keyword) ||
    filters.minUpvotes !== undefined
  );
}

/** Keeps only the shared filter parameters of a query: what nav links carry from one view to the next. */
export function sharedQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of sharedParams) for (const value of params.getAll(name)) kept.append(name, value);
  const query = kept.toString();
  return query === "" ? "" : `?${query}`;
}

export function describeIssues(issues: ParamIssue[]): string {
  return issues.map((item) => `${item.param}: ${item.message}`).join("; ");
}

function issue(param: string, error: z.ZodError, value: string): ParamIssue {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { param, message: `${error.issues[0]?.message ?? "is invalid"} (got "${shown}")` };
}

function expandDate(value: string, edge: "start" | "end"): string {
  if (value.length === 10) return value;
  if (value.length === 4) return edge === "start" ? `${value}-01-01` : `${value}-12-31`;
  if (edge === "start") return `${value}-01`;
  const [year, month] = value.split("-").map(Number);
  if (!year || !month || month < 1 || month > 12) return `${value}-00`; // refused as not a calendar date
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value}-${String(last).padStart(2, "0")}`;
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
