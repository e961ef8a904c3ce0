import { offsetCursor, pageOf, readCursor } from "@/lib/api/cursor";
import { parseApiParams, readApiSeriesGranularity } from "@/lib/api/params";
import { compareSeriesSchema } from "@/lib/api/schemas";
import { apiBadRequest, apiJson } from "@/server/api-response";
import { loadCompare } from "@/server/compare";
import { getDb } from "@/server/db";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Papers, upvotes and share per week or month of each organisation (the `org` filter, else the five with the most papers), as the compare view draws them. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseApiParams(request.url);
  const granularity = readApiSeriesGranularity(parsed);
  const at = readCursor(parsed.params, offsetCursor, parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const { series } = await loadCompare(db, { ...parsed, by: "org", granularity, metric: "papers" });
  return apiJson(request, compareSeriesSchema, pageOf(series.rows, at, parsed.limit));
}
