import { papers } from "@paperpulse/schema";
import { type SQL, sql } from "drizzle-orm";

/** A paper as every list shows it: what a row of a table, a feed entry or an API item starts from. */
export type PaperSummary = {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  /** Latest counts. */
  upvotes: number;
  comments: number;
};

/** The summary's columns, for queries built with drizzle's select. */
export const paperSummaryColumns = {
  id: papers.id,
  title: papers.title,
  dailyDate: papers.dailyDate,
  organization: papers.organizationName,
  upvotes: papers.upvotes,
  comments: papers.comments,
};

/** The summary as raw SQL returns it (`selectPaperSummary`); counts may arrive as strings. */
export type PaperSummaryRow = {
  id: string;
  title: string;
  daily_date: string;
  organization: string | null;
  upvotes: number | string;
  comments: number | string;
};

/**
 * The summary's columns for queries written in SQL, read from `source`: the papers table or any subquery or
 * common table expression carrying its columns under their own names.
 */
export function selectPaperSummary(source = "papers"): SQL {
  const from = sql.raw(source);
  return sql`${from}.id, ${from}.title, to_char(${from}.daily_date, 'YYYY-MM-DD') as daily_date,
    ${from}.organization_name as organization, ${from}.upvotes, ${from}.comments`;
}

export function toPaperSummary(row: PaperSummaryRow): PaperSummary {
  return {
    id: row.id,
    title: row.title,
    dailyDate: row.daily_date,
    organization: row.organization,
    upvotes: Number(row.upvotes),
    comments: Number(row.comments),
  };
}
