import { getPaper, listPaperSnapshots, listSnapshotsForExport, type PaperSnapshot } from "@paperpulse/db";
import { z } from "zod";
import { attachment, csvStream, once, spreadsheetOptions, startCsvStream } from "@/lib/csv";
import { parseFilters, readScalar, toSearchParams } from "@/lib/filters";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportInSlot, exportName, notFound } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const header = ["paper_id", "captured_at", "upvotes", "comments"];

const paperIdSchema = z
  .string()
  .min(1, "is required (a Hugging Face paper id such as 2407.21783)")
  .max(100, "must be at most 100 characters")
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

/**
 * Upvote and comment histories. `paper=ID`: that paper's captures in time order (404 when unknown). Without it:
 * the captures of every paper matching the view's filters, by paper then time, streamed in keyset batches.
 */
export async function GET(request: Request): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
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
    const snapshots = await listPaperSnapshots(db, paperId);
    return csvResponse(
      csvStream(header, once(snapshots), toRow, spreadsheetOptions(params, header, ["paper_id"])),
      attachment(`paperpulse-snapshots-${paperId}.csv`),
    );
  }
  // The slot first, before any query: on PGlite even checking the filters waits its turn.
  return exportInSlot(async () => {
    const parsed = parseFilters(params);
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const body = await startCsvStream(
      header,
      listSnapshotsForExport(db, parsed.filters),
      toRow,
      spreadsheetOptions(params, header, ["paper_id"]),
    );
    return csvResponse(body, attachment(exportName("snapshots", parsed.filters)));
  });
}

function toRow(snapshot: PaperSnapshot) {
  return [snapshot.paperId, snapshot.capturedAt, snapshot.upvotes, snapshot.comments];
}
