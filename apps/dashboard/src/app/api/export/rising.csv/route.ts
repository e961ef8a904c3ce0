import { listRisingPapers } from "@paperpulse/db";
import { attachment, once, spreadsheetOptions, startCsvStream } from "@/lib/csv";
import { toSearchParams } from "@/lib/filters";
import { risingColumns } from "@/lib/rising-columns";
import { parseRisingParams, risingLimit } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportInSlot, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Rising view's rows, in its order, for its window and filters. */
export function GET(request: Request): Promise<Response> {
  return exportInSlot(async () => {
    const params = toSearchParams(new URL(request.url).searchParams);
    const parsed = parseRisingParams(params);
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const { rows } = await listRisingPapers(db, parsed.filters, {
      window: parsed.window,
      limit: risingLimit,
    });
    const header = risingColumns.map((column) => column.header);
    const body = await startCsvStream(
      header,
      once(rows),
      (row) => risingColumns.map((column) => column.value(row)),
      spreadsheetOptions(params, header, ["id"]),
    );
    return csvResponse(body, attachment(exportName(`rising-${parsed.window}`, parsed.filters)));
  });
}
