import { papers } from "@paperpulse/schema";
import { and, gte, inArray, lte, type SQL, sql } from "drizzle-orm";

/** What every dashboard view and export filters on. Dates are YYYY-MM-DD and apply to the paper's daily date. */
export type Filters = {
  /** Hugging Face organisation names (e.g. `ByteDance-Seed`); empty means every paper, with or without one. */
  orgs: string[];
  /** First daily date included. */
  from?: string | undefined;
  /** Last daily date included. */
  to?: string | undefined;
  /** A topic slug from the taxonomy: only papers assigned that topic. */
  topic?: string | undefined;
  /** Text searched (case-insensitively, as a substring) in the title and the summary. */
  q?: string | undefined;
  /** Only papers with at least this many (latest) upvotes. */
  minUpvotes?: number | undefined;
};

export const noFilters: Filters = { orgs: [] };

/** `%`, `_` and the escape character itself match literally in the LIKE pattern built from `text`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The date-range part of the filters only: which days a view covers, whatever else is filtered. */
export function dailyDateWhere(filters: Pick<Filters, "from" | "to">): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(gte(papers.dailyDate, filters.from));
  if (filters.to) conditions.push(lte(papers.dailyDate, filters.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** The WHERE clause for filters on the papers table; every value is bound as a parameter. */
export function papersWhere(filters: Filters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.orgs.length > 0) conditions.push(inArray(papers.organizationName, filters.orgs));
  const range = dailyDateWhere(filters);
  if (range) conditions.push(range);
  if (filters.minUpvotes !== undefined) conditions.push(gte(papers.upvotes, filters.minUpvotes));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(
      sql`(${papers.title} ilike ${pattern} escape '\\' or ${papers.summary} ilike ${pattern} escape '\\')`,
    );
  }
  if (filters.topic) conditions.push(topicCondition(filters.topic));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function topicCondition(topic: string): SQL {
  return sql`exists (select 1 from paper_topics pt where pt.paper_id = ${papers.id} and pt.topic = ${topic})`;
}
