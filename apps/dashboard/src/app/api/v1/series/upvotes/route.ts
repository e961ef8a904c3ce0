import { getUpvoteSeries } from "@paperpulse/db";
import { offsetCursor, pageOf, readCursor } from "@/lib/api/cursor";
import { parseApiParams, readApiGranularity } from "@/lib/api/params";
import { upvoteSeriesSchema } from "@/lib/api/schemas";
import { apiBadRequest, apiJson } from "@/server/api-response";
import { getDb } from "@/server/db";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Papers, total, median and 90th percentile of upvotes per day, week or month (default month). */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseApiParams(request.url);
  const granularity = readApiGranularity(parsed);
  const at = readCursor(parsed.params, offsetCursor, parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const series = await getUpvoteSeries(db, parsed.filters, granularity);
  return apiJson(request, upvoteSeriesSchema, pageOf(series, at, parsed.limit));
}
