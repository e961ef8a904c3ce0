import { papers } from "@paperpulse/schema";
import { and, gte, inArray, lte, type SQL } from "drizzle-orm";

/** What every dashboard view and export filters on. Dates are YYYY-MM-DD and apply to the paper's daily date. */
export type Filters = {
  /** Hugging Face organisation names (e.g. `ByteDance-Seed`); empty means every paper, with or without one. */
  orgs: string[];
  /** First daily date included. */
  from?: string | undefined;
  /** Last daily date included. */
  to?: string | undefined;
};

export const noFilters: Filters = { orgs: [] };

/** The WHERE clause for filters on the papers table; every value is bound as a parameter. */
export function papersWhere(filters: Filters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.orgs.length > 0) conditions.push(inArray(papers.organizationName, filters.orgs));
  if (filters.from) conditions.push(gte(papers.dailyDate, filters.from));
  if (filters.to) conditions.push(lte(papers.dailyDate, filters.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}
