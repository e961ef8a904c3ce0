import type { ExportColumn, PaperDetailRow } from "@paperpulse/db";

/**
 * The papers export, CSV and Parquet alike: adding a column is one line here. The first eight are the file's
 * original columns and keep their places; later columns are appended.
 */
export const paperColumns: ExportColumn<PaperDetailRow>[] = [
  { header: "id", type: "string", nullable: false, value: (row) => row.id },
  { header: "title", type: "string", nullable: false, value: (row) => row.title },
  { header: "daily_date", type: "date", nullable: false, value: (row) => row.dailyDate },
  { header: "organization", type: "string", value: (row) => row.organization },
  { header: "upvotes", type: "int32", nullable: false, value: (row) => row.upvotes },
  { header: "comments", type: "int32", nullable: false, value: (row) => row.comments },
  { header: "first_seen_at", type: "timestamp", nullable: false, value: (row) => row.firstSeenAt },
  { header: "last_seen_at", type: "timestamp", nullable: false, value: (row) => row.lastSeenAt },
  { header: "authors", type: "string-list", nullable: false, value: (row) => row.authors },
  { header: "author_users", type: "string-list", nullable: false, value: (row) => row.authorUsers },
  { header: "keywords", type: "string-list", nullable: false, value: (row) => row.keywords },
  { header: "topics", type: "string-list", nullable: false, value: (row) => row.topics },
  { header: "organization_group", type: "string", value: (row) => row.organizationGroup },
  { header: "github_repo", type: "string", value: (row) => row.githubRepo },
  { header: "github_stars", type: "int32", value: (row) => row.githubStars },
  { header: "rank", type: "int32", value: (row) => row.rank },
  { header: "daily_date_exact", type: "boolean", nullable: false, value: (row) => row.dailyDateExact },
];
