import { getPaperDetail, listPaperSnapshots } from "@paperpulse/db";
import { paperDetailSchema } from "@/lib/api/schemas";
import { toApiPaperDetail } from "@/lib/api/to-api";
import { isPathName, maxPaperIdLength } from "@/lib/path-names";
import { apiJson, apiNotFound } from "@/server/api-response";
import { getDb } from "@/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Everything stored about one paper, with its snapshots in time order. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isPathName(id, maxPaperIdLength)) return apiNotFound("no paper with that id");
  const db = await getDb();
  const paper = await getPaperDetail(db, id);
  if (!paper) return apiNotFound(`no paper ${id}`);
  const snapshots = await listPaperSnapshots(db, id);
  return apiJson(request, paperDetailSchema, toApiPaperDetail(paper, snapshots));
}
