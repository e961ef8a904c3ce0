import { getUpvoteSeries } from "@paperpulse/db";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { seriesColumns } from "@/lib/view-columns";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Overview's series: per daily date (or ISO week, month), papers and total, median, p90 of latest upvotes. */
export async function GET(request: Request): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
  const parsed = parseFilters(params);
  const granularity = readChoice(
    params,
    "granularity",
    ["day", "week", "month"] as const,
    "day",
    parsed.issues,
  );
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return badRequest(parsed.issues);
  // One row per day at most: about 365 a year.
  const rows = await getUpvoteSeries(db, parsed.filters, granularity);
  const body = await startCsvColumns(seriesColumns, once(rows.map((row) => ({ ...row, granularity }))));
  return csvResponse(
    body,
    attachment(
      exportName(
        `${granularity === "day" ? "daily" : granularity === "week" ? "weekly" : "monthly"}`,
        parsed.filters,
      ),
    ),
  );
}
