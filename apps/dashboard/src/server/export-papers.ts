import "server-only";
import { listPaperDetailsForExport } from "@paperpulse/db";
import { attachment } from "@/lib/csv";
import { type ExportFormat, startExportBody } from "@/lib/export-body";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { paperColumns } from "@/lib/paper-columns";
import { paperSorts, toPaperSort } from "@/lib/view-params";
import { getDb } from "./db";
import { badRequest, csvResponse, exportInSlot, exportName, parquetResponse } from "./responses";
import { checkFilterValues } from "./topics";

/**
 * Every paper matching the view's filters, latest counts and details, one row per paper, streamed in keyset
 * batches, as CSV or Parquet with the same columns (lib/paper-columns.ts). Order: the Papers view's `sort` when
 * given (so the file lists the table's rows in the table's order), else daily date.
 */
export function exportPapers(request: Request, format: ExportFormat): Promise<Response> {
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
    const batches = listPaperDetailsForExport(db, parsed.filters, sort ? { sort: toPaperSort(sort) } : {});
    const body = await startExportBody(format, paperColumns, batches, { params, idColumns: ["id"] });
    return exportResponse(format, body, exportName("papers", parsed.filters, format));
  });
}

/** The response for an export's body in its format, downloaded under `name`. */
export function exportResponse(
  format: ExportFormat,
  body: ReadableStream<Uint8Array>,
  name: string,
): Response {
  return format === "parquet" ? parquetResponse(body, attachment(name)) : csvResponse(body, attachment(name));
}
