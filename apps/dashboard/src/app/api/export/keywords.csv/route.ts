import { listRisingKeywords } from "@paperpulse/db";
import { attachment, csvStream, once } from "@/lib/csv";
import { parseFilters, readChoice, readInteger, toSearchParams } from "@/lib/filters";
import { keywordPeriods } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const header = [
  "keyword",
  "papers",
  "share",
  "previous_papers",
  "previous_share",
  "growth",
  "window_from",
  "window_to",
  "previous_from",
  "previous_to",
];

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
  const body = csvStream(header, once(rising.keywords), (keyword) => [
    keyword.keyword,
    keyword.papers,
    keyword.share,
    keyword.previousPapers,
    keyword.previousShare,
    keyword.growth,
    rising.current.from,
    rising.current.to,
    rising.previous.from,
    rising.previous.to,
  ]);
  return csvResponse(body, attachment(exportName("keywords", parsed.filters)));
}
