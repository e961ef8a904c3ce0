import { listOrgLeaderboard } from "@paperpulse/db";
import { encodeCursor, offsetCursor, readCursor } from "@/lib/api/cursor";
import { parseApiParams, readApiOrgSort } from "@/lib/api/params";
import { orgListSchema } from "@/lib/api/schemas";
import { apiBadRequest, apiJson } from "@/server/api-response";
import { getDb } from "@/server/db";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The organisations' leaderboard over the filtered papers, by `sort` (papers, upvotes, median, top10). */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseApiParams(request.url);
  const sort = readApiOrgSort(parsed);
  const at = readCursor(parsed.params, offsetCursor, parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const start = at?.o ?? 0;
  // The leaderboard is ranked in the database: one row past the page says whether another follows.
  const board = await listOrgLeaderboard(db, parsed.filters, { limit: start + parsed.limit + 1, sort });
  const data = board.slice(start, start + parsed.limit);
  const more = board.length > start + parsed.limit;
  return apiJson(request, orgListSchema, {
    data,
    nextCursor: more ? encodeCursor({ o: start + parsed.limit }) : null,
  });
}
