import { listSnapshotsForExport, type PaperSnapshot } from "@paperpulse/db";
import { parseFilters, toSearchParams } from "@/lib/filters";
import { jsonLinesStream } from "@/lib/jsonl";
import { getDb } from "@/server/db";
import { badRequest, exportInSlot, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The snapshots of every paper matching the filters as JSON Lines, by paper then time, as the snapshots CSV has
 * them: `{"paper_id", "captured_at", "upvotes", "comments"}` with typed numbers and ISO 8601 UTC times.
 */
export function GET(request: Request): Promise<Response> {
  return exportInSlot(async () => {
    const parsed = parseFilters(toSearchParams(new URL(request.url).searchParams));
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const body = jsonLinesStream(listSnapshotsForExport(db, parsed.filters), toObject);
    const name = exportName("snapshots", parsed.filters).replace(/\.csv$/, ".jsonl");
    return new Response(body, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });
}

function toObject(snapshot: PaperSnapshot) {
  return {
    paper_id: snapshot.paperId,
    captured_at: snapshot.capturedAt.toISOString(),
    upvotes: snapshot.upvotes,
    comments: snapshot.comments,
  };
}
