import { listPapersForExport } from "@paperpulse/db";
import { attachment, csvStream } from "@/lib/csv";
import { parseFilters } from "@/lib/filters";
import { getDb } from "@/server/db";
import { badRequest, csvResponse } from "@/server/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const header = [
  "id",
  "title",
  "daily_date",
  "organization",
  "upvotes",
  "comments",
  "first_seen_at",
  "last_seen_at",
];

/** Every paper matching the view's filters (`org` repeatable, `from`, `to`), latest counts, one row per paper. */
export async function GET(request: Request): Promise<Response> {
  const { filters, issues } = parseFilters(new URL(request.url).searchParams);
  if (issues.length > 0) return badRequest(issues);
  const db = await getDb();
  const body = csvStream(header, listPapersForExport(db, filters), (paper) => [
    paper.id,
    paper.title,
    paper.dailyDate,
    paper.organization,
    paper.upvotes,
    paper.comments,
    paper.firstSeenAt,
    paper.lastSeenAt,
  ]);
  return csvResponse(body, attachment(exportName(filters)));
}

function exportName(filters: { from?: string | undefined; to?: string | undefined }): string {
  const range = [filters.from, filters.to].some(Boolean)
    ? `-${filters.from ?? "start"}-to-${filters.to ?? "latest"}`
    : "";
  return `paperpulse-papers${range}.csv`;
}
