import { papers } from "@paperpulse/schema";
import { and, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { orgGroupExpression, orgGroupsWhere } from "./org-group-expression.ts";

/** What every dashboard view and export filters on. Dates are YYYY-MM-DD and apply to the paper's daily date. */
export type Filters = {
  /** Hugging Face organisation names (e.g. `ByteDance-Seed`); empty means every paper, with or without one. */
  orgs: string[];
  /** First daily date included. */
  from?: string | undefined;
  /** Last daily date included. */
  to?: string | undefined;
  /** Topic slugs from the taxonomy: only papers assigned any of them (empty or absent: every paper). */
  topics?: string[] | undefined;
  /** Text searched (case-insensitively, as a substring) in the title and the summary. */
  q?: string | undefined;
  /** Only papers with at least this many (latest) upvotes. */
  minUpvotes?: number | undefined;
  /** A normalised keyword (as the rising keywords list them): only papers carrying it. */
  keyword?: string | undefined;
  /**
   * Organisations as their groups (`org_groups`): `orgs` may name groups, matching every organisation of the group,
   * and views that rank or chart organisations show groups instead of Hugging Face's names.
   */
  groups?: boolean | undefined;
};

export const noFilters: Filters = { orgs: [] };

/** `%`, `_` and the escape character itself match literally in the LIKE pattern built from `text`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The date-range part of the filters only: which days a view covers, whatever else is filtered. */
export function dailyDateWhere(filters: Pick<Filters, "from" | "to">): SQL | undefined {
  return dayRangeWhere(papers.dailyDate, filters);
}

/** The date range on any daily-date column (of papers, or of the precomputed daily tables). */
export function dayRangeWhere(
  column: PgColumn | SQL,
  filters: Pick<Filters, "from" | "to">,
): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(sql`${column} >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`${column} <= ${filters.to}::date`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** The WHERE clause for filters on the papers table; every value is bound as a parameter. */
export function papersWhere(filters: Filters): SQL | undefined {
  const conditions: SQL[] = [];
  const orgs = filters.groups ? orgGroupsWhere(filters.orgs) : orgsWhere(filters.orgs);
  if (orgs) conditions.push(orgs);
  const range = dailyDateWhere(filters);
  if (range) conditions.push(range);
  if (filters.minUpvotes !== undefined) conditions.push(gte(papers.upvotes, filters.minUpvotes));
  if (filters.q) conditions.push(textCondition(filters.q));
  if (filters.topics?.length) conditions.push(topicCondition(filters.topics));
  if (filters.keyword) conditions.push(keywordCondition(filters.keyword));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function orgsWhere(orgs: readonly string[]): SQL | undefined {
  return orgs.length > 0 ? inArray(papers.organizationName, [...orgs]) : undefined;
}

/**
 * Only date filters (or none): the views can read the precomputed daily, weekly and monthly tables, which hold
 * every paper of a day, instead of aggregating the papers.
 */
export function isDateOnly(filters: Filters): boolean {
  return (
    filters.orgs.length === 0 &&
    !filters.topics?.length &&
    !filters.q &&
    filters.minUpvotes === undefined &&
    !filters.keyword
  );
}

/**
 * The text, case-insensitively, anywhere in the title or the abstract. Written as a union of two searches, one per
 * table, so that each goes through its trigram index; the matches are those of `title ilike or summary ilike`.
 */
function textCondition(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return sql`${papers.id} in (
    select id from papers where title ilike ${pattern} escape '\\'
    union
    select paper_id from paper_texts where summary ilike ${pattern} escape '\\')`;
}

/** The same keywords the rising keywords count, so a keyword's link lists as many papers as it shows. */
function keywordCondition(keyword: string): SQL {
  return sql`exists (select 1 from paper_keywords pk where pk.paper_id = ${papers.id} and ${keyword} = any(pk.keywords))`;
}

function topicCondition(topics: readonly string[]): SQL {
  return sql`exists (select 1 from paper_topics pt where pt.paper_id = ${papers.id} and ${topicIn(sql`pt.topic`, topics)})`;
}

/** `column in (…topics)`, each slug bound as a parameter. */
export function topicIn(column: SQL, topics: readonly string[]): SQL {
  return sql`${column} in (${sql.join(
    topics.map((topic) => sql`${topic}`),
    sql`, `,
  )})`;
}

/** The organisation a view shows for a paper: its group when the filters ask for groups, else Hugging Face's name. */
export function shownOrganization(filters: Pick<Filters, "groups">): SQL | PgColumn {
  return filters.groups ? orgGroupExpression(papers.organizationName) : papers.organizationName;
}
