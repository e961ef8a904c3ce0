import { listRisingKeywords } from "@paperpulse/db";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { parseFilters, readChoice, readInteger, toSearchParams } from "@/lib/filters";
import { risingKeywordColumns } from "@/lib/view-columns";
import { keywordPeriods } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Topics view's rising keywords (up to 500): the same window, minimum count and filters as the view. */
export async function GET(request: Request): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
  const parsed = parseFilters(params);
  const period = readChoice(params, "period", keywordPeriods, "month", parsed.issues);
  const minCount = readInteger(params, "minCount", { min: 1, max: 1000, fallback: 3 }, parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return badRequest(parsed.issues);
  const rising = await listRisingKeywords(db, parsed.filters, { period, minCount, limit: 500 });
  const rows = rising.keywords.map((keyword) => ({
    ...keyword,
    current: rising.current,
    previous: rising.previous,
  }));
  const body = await startCsvColumns(risingKeywordColumns, once(rows));
  return csvResponse(body, attachment(exportName("keywords", parsed.filters)));
}
