import { listOrgLeaderboard } from "@paperpulse/db";
import { attachment, csvStream, once } from "@/lib/csv";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { orgBoardSorts } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const header = [
  "organization",
  "fullname",
  "papers",
  "upvotes",
  "median_upvotes",
  "top10_papers",
  "top10_share",
];

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
  const body = csvStream(header, once(rows), (row) => [
    row.name,
    row.fullname,
    row.papers,
    row.upvotes,
    row.medianUpvotes,
    row.top10Papers,
    row.top10Share,
  ]);
  return csvResponse(body, attachment(exportName("orgs", parsed.filters)));
}
