import { getLatestTrending } from "@paperpulse/db";
import { attachment, once, spreadsheetOptions, startCsvStream } from "@/lib/csv";
import { parseFilters, toSearchParams } from "@/lib/filters";
import { trendingColumns } from "@/lib/trending-columns";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportInSlot, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The newest captured trending listing, in Hugging Face's order, narrowed by the filters. */
export function GET(request: Request): Promise<Response> {
  return exportInSlot(async () => {
    const params = toSearchParams(new URL(request.url).searchParams);
    const parsed = parseFilters(params);
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const { capturedAt, rows } = await getLatestTrending(db, parsed.filters);
    const header = trendingColumns.map((column) => column.header);
    const body = await startCsvStream(
      header,
      once(capturedAt ? rows.map((row) => ({ ...row, capturedAt })) : []),
      (row) => trendingColumns.map((column) => column.value(row)),
      spreadsheetOptions(params, header, ["id"]),
    );
    return csvResponse(body, attachment(exportName("trending", parsed.filters)));
  });
}
