import { getPaper, listPaperSnapshots, type PaperSnapshot } from "@paperpulse/db";
import { z } from "zod";
import { attachment, csvStream } from "@/lib/csv";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, notFound } from "@/server/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const header = ["paper_id", "captured_at", "upvotes", "comments"];

const paperIdSchema = z
  .string()
  .trim()
  .min(1, "is required (a Hugging Face paper id such as 2407.21783)")
  .max(100, "must be at most 100 characters");

/** One paper's captures in time order: its upvote and comment history. */
export async function GET(request: Request): Promise<Response> {
  const parsed = paperIdSchema.safeParse(new URL(request.url).searchParams.get("paper") ?? "");
  if (!parsed.success) {
    return badRequest([{ param: "paper", message: parsed.error.issues[0]?.message ?? "is invalid" }]);
  }
  const paperId = parsed.data;
  const db = await getDb();
  if (!(await getPaper(db, paperId)))
    return notFound(`Unknown paper "${paperId}": it has not been captured.`);
  const snapshots = await listPaperSnapshots(db, paperId);
  const body = csvStream(header, once(snapshots), (snapshot) => [
    snapshot.paperId,
    snapshot.capturedAt,
    snapshot.upvotes,
    snapshot.comments,
  ]);
  return csvResponse(body, attachment(`paperpulse-snapshots-${paperId}.csv`));
}

// A paper has at most a few hundred captures: one batch.
async function* once(rows: PaperSnapshot[]): AsyncGenerator<PaperSnapshot[]> {
  if (rows.length > 0) yield rows;
}
