import "server-only";
import { getLatestTrending, listRisingPapers } from "@paperpulse/db";
import { once } from "@/lib/csv";
import { type ExportFormat, startExportBody } from "@/lib/export-body";
import { parseFilters } from "@/lib/filters";
import { risingColumns } from "@/lib/rising-columns";
import { trendingColumns } from "@/lib/trending-columns";
import { parseRisingParams, risingLimit } from "@/lib/view-params";
import { exportFiltered, exportResponse } from "./export-request";
import { exportName } from "./responses";

/** The Rising view's rows, in its order, for its window and filters, as CSV or Parquet (lib/rising-columns.ts). */
export function exportRising(request: Request, format: ExportFormat): Promise<Response> {
  return exportFiltered(request, parseRisingParams, async ({ db, parsed, params }) => {
    const { rows } = await listRisingPapers(db, parsed.filters, {
      window: parsed.window,
      limit: risingLimit,
    });
    const body = await startExportBody(format, risingColumns, once(rows), { params, idColumns: ["id"] });
    return exportResponse(format, body, exportName(`rising-${parsed.window}`, parsed.filters, format));
  });
}

/**
 * The newest captured trending listing, in Hugging Face's order, narrowed by the filters, as CSV or Parquet
 * (lib/trending-columns.ts).
 */
export function exportTrending(request: Request, format: ExportFormat): Promise<Response> {
  return exportFiltered(request, parseFilters, async ({ db, parsed, params }) => {
    const { capturedAt, rows } = await getLatestTrending(db, parsed.filters);
    const listed = once(capturedAt ? rows.map((row) => ({ ...row, capturedAt })) : []);
    const body = await startExportBody(format, trendingColumns, listed, { params, idColumns: ["id"] });
    return exportResponse(format, body, exportName("trending", parsed.filters, format));
  });
}
