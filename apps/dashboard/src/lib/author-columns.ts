import type { AuthorLeaderboardRow, AuthorPaperRow } from "@paperpulse/db";
import type { CsvColumn } from "./csv";

/** A leaderboard row with its place, as the Authors view numbers it. */
export type RankedAuthor = AuthorLeaderboardRow & { rank: number };

// The Authors view's CSV and an author's papers CSV, each one column table: adding a column is one line here.

export const authorColumns: CsvColumn<RankedAuthor>[] = [
  { header: "rank", value: (row) => row.rank },
  { header: "name", value: (row) => row.name },
  { header: "hf_user", value: (row) => row.hfUser },
  { header: "papers", value: (row) => row.papers },
  { header: "upvotes", value: (row) => row.upvotes },
  // The organisations the view lists (the most frequent few), and how many there are in all.
  { header: "organizations", value: (row) => row.organizations.join("; ") },
  { header: "organization_count", value: (row) => row.organizationCount },
  { header: "first_daily_date", value: (row) => row.firstDay },
  { header: "last_daily_date", value: (row) => row.lastDay },
];

export const authorPaperColumns: CsvColumn<AuthorPaperRow>[] = [
  { header: "id", value: (row) => row.id },
  { header: "title", value: (row) => row.title },
  { header: "daily_date", value: (row) => row.dailyDate },
  { header: "organization", value: (row) => row.organization },
  { header: "upvotes", value: (row) => row.upvotes },
  { header: "comments", value: (row) => row.comments },
  { header: "author_position", value: (row) => row.position },
];

/** Leaderboard rows numbered from the page's first place. */
export function rankAuthors(rows: AuthorLeaderboardRow[], firstRank: number): RankedAuthor[] {
  return rows.map((row, index) => ({ ...row, rank: firstRank + index }));
}
