import "server-only";
import { getPaper, listPaperSnapshots, listSnapshotsForExport } from "@paperpulse/db";
import { z } from "zod";
import { once } from "@/lib/csv";
import { type ExportFormat, startExportBody } from "@/lib/export-body";
import { parseFilters, readScalar, toSearchParams } from "@/lib/filters";
import { snapshotColumns } from "@/lib/snapshot-columns";
import { getDb } from "./db";
import { exportFiltered, exportResponse } from "./export-request";
import { badRequest, exportName, notFound } from "./responses";

const paperIdSchema = z
  .string()
  .min(1, "is required (a Hugging Face paper id such as 2407.21783)")
  .max(100, "must be at most 100 characters")
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

/**
 * Upvote and comment histories, as CSV or Parquet with the same columns (lib/snapshot-columns.ts). `paper=ID`: that
 * paper's captures in time order (404 when unknown). Without it: the captures of every paper matching the view's
 * filters, by paper then time, streamed in keyset batches.
 */
export async function exportSnapshots(request: Request, format: ExportFormat): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
  const csv = { params, idColumns: ["paper_id"] };
  if (params.has("paper")) {
    const issues: { param: string; message: string }[] = [];
    const paperId = readScalar(params, "paper", paperIdSchema, issues);
    if (paperId === undefined) {
      return badRequest(
        issues.length > 0
          ? issues
          : [{ param: "paper", message: "is required (a Hugging Face paper id such as 2407.21783)" }],
      );
    }
    const db = await getDb();
    if (!(await getPaper(db, paperId)))
      return notFound(`Unknown paper "${paperId}": it has not been captured.`);
    // A paper has at most a few hundred captures: one batch.
    const body = await startExportBody(
      format,
      snapshotColumns,
      once(await listPaperSnapshots(db, paperId)),
      csv,
    );
    return exportResponse(format, body, `paperpulse-snapshots-${paperId}.${format}`);
  }
  return exportFiltered(request, parseFilters, async ({ db, parsed }) => {
    const body = await startExportBody(
      format,
      snapshotColumns,
      listSnapshotsForExport(db, parsed.filters),
      csv,
    );
    return exportResponse(format, body, exportName("snapshots", parsed.filters, format));
  });
}
