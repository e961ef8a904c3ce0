import { listOrgLeaderboard } from "@paperpulse/db";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { orgColumns } from "@/lib/view-columns";
import { orgBoardSorts } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Every organisation there is: a few thousand at most, one aggregate query.
const maxOrganizations = 100_000;

/** The Organisations view's leaderboard over the filtered period: every organisation, in the view's order. */
export async function GET(request: Request): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
  const parsed = parseFilters(params);
  const sort = readChoice(params, "sort", orgBoardSorts, "papers", parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return badRequest(parsed.issues);
  const rows = await listOrgLeaderboard(db, parsed.filters, { limit: maxOrganizations, sort });
  const body = await startCsvColumns(orgColumns, once(rows));
  return csvResponse(body, attachment(exportName("orgs", parsed.filters)));
}
