import "server-only";
import { listPaperDetailsForExport } from "@paperpulse/db";
import { type ExportFormat, startExportBody } from "@/lib/export-body";
import { parseFilters, readChoice } from "@/lib/filters";
import { paperColumns } from "@/lib/paper-columns";
import { paperSorts, toPaperSort } from "@/lib/view-params";
import { exportFiltered, exportResponse } from "./export-request";
import { exportName } from "./responses";

/**
 * Every paper matching the view's filters, latest counts and details, one row per paper, streamed in keyset
 * batches, as CSV or Parquet with the same columns (lib/paper-columns.ts). Order: the Papers view's `sort` when
 * given (so the file lists the table's rows in the table's order), else daily date.
 */
export function exportPapers(request: Request, format: ExportFormat): Promise<Response> {
  const parse = (params: URLSearchParams) => {
    const parsed = parseFilters(params);
    const sort = params.has("sort")
      ? readChoice(params, "sort", paperSorts, "date", parsed.issues)
      : undefined;
    return { ...parsed, sort };
  };
  return exportFiltered(request, parse, async ({ db, parsed, params }) => {
    const sort = parsed.sort ? { sort: toPaperSort(parsed.sort) } : {};
    const batches = listPaperDetailsForExport(db, parsed.filters, sort);
    const body = await startExportBody(format, paperColumns, batches, { params, idColumns: ["id"] });
    return exportResponse(format, body, exportName("papers", parsed.filters, format));
  });
}
