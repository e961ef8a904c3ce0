import { listPapersForExport } from "@paperpulse/db";
import { attachment, spreadsheetOptions, startCsvStream } from "@/lib/csv";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { paperSorts, toPaperSort } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportInSlot, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

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

/**
 * Every paper matching the view's filters, latest counts, one row per paper, streamed in keyset batches. Order:
 * the Papers view's `sort` when given (so the file lists the table's rows in the table's order), else daily date.
 */
export function GET(request: Request): Promise<Response> {
  // The slot first, before any query: on PGlite even checking the filters waits its turn.
  return exportInSlot(async () => {
    const params = toSearchParams(new URL(request.url).searchParams);
    const parsed = parseFilters(params);
    const sort = params.has("sort")
      ? readChoice(params, "sort", paperSorts, "date", parsed.issues)
      : undefined;
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const batches = listPapersForExport(db, parsed.filters, sort ? { sort: toPaperSort(sort) } : {});
    const body = await startCsvStream(
      header,
      batches,
      (paper) => [
        paper.id,
        paper.title,
        paper.dailyDate,
        paper.organization,
        paper.upvotes,
        paper.comments,
        paper.firstSeenAt,
        paper.lastSeenAt,
      ],
      spreadsheetOptions(params, header, ["id"]),
    );
    return csvResponse(body, attachment(exportName("papers", parsed.filters)));
  });
}
