import { getPaperDetail, listPaperSnapshots } from "@paperpulse/db";
import { offsetCursor, pageOf, readCursor } from "@/lib/api/cursor";
import { parseApiParams } from "@/lib/api/params";
import { snapshotListSchema } from "@/lib/api/schemas";
import { toApiSnapshot } from "@/lib/api/to-api";
import { isPathName, maxPaperIdLength } from "@/lib/path-names";
import { apiBadRequest, apiJson, apiNotFound } from "@/server/api-response";
import { getDb } from "@/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One paper's snapshots in time order, a page at a time (a paper has hundreds at most). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isPathName(id, maxPaperIdLength)) return apiNotFound("no paper with that id");
  const parsed = parseApiParams(request.url);
  const at = readCursor(parsed.params, offsetCursor, parsed.issues);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const db = await getDb();
  if (!(await getPaperDetail(db, id))) return apiNotFound(`no paper ${id}`);
  const snapshots = await listPaperSnapshots(db, id);
  const page = pageOf(snapshots.map(toApiSnapshot), at, parsed.limit);
  return apiJson(request, snapshotListSchema, page);
}
