import { listPapersPage } from "@paperpulse/db";
import { encodeCursor, keysetCursor, readCursor } from "@/lib/api/cursor";
import { parseApiParams, readApiPaperSort } from "@/lib/api/params";
import { paperListSchema } from "@/lib/api/schemas";
import { toApiPaper } from "@/lib/api/to-api";
import { toPaperSort } from "@/lib/view-params";
import { apiBadRequest, apiJson } from "@/server/api-response";
import { getDb } from "@/server/db";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The papers matching the filters, a page at a time, in the order of `sort` (default: oldest daily date first). */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseApiParams(request.url);
  const sort = readApiPaperSort(parsed);
  const after = readCursor(parsed.params, keysetCursor, parsed.issues);
  // A cursor carries its sort: under another one its value would mean nothing (or not parse as a date).
  if (after && after.s !== sort)
    parsed.issues.push({ param: "cursor", message: `was handed out for sort=${after.s}` });
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const page = await listPapersPage(db, parsed.filters, {
    sort: toPaperSort(sort),
    after: after ? { value: after.v, id: after.id } : undefined,
    limit: parsed.limit,
  });
  return apiJson(request, paperListSchema, {
    data: page.rows.map(toApiPaper),
    nextCursor: page.next ? encodeCursor({ s: sort, v: page.next.value, id: page.next.id }) : null,
  });
}
