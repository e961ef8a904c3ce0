import type { Filters } from "@paperpulse/db";
import {
  type ParamIssue,
  parseFilters,
  readInteger,
  type SearchParamsInput,
  toSearchParams,
} from "../filters";

export const feedEntries = 50;
export const defaultThreshold = 50;

/** A feed's query: the shared filters, and for the crossings feed the upvote threshold (1 to a million). */
export function parseFeedParams(input: SearchParamsInput): {
  filters: Filters;
  issues: ParamIssue[];
  threshold: number;
} {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const threshold = readInteger(
    params,
    "threshold",
    { min: 1, max: 1_000_000, fallback: defaultThreshold },
    issues,
  );
  return { filters, issues, threshold };
}
