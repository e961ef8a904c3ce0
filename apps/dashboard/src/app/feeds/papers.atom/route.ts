import { listPapersPage } from "@paperpulse/db";
import { buildAtom, describePaper, tagId } from "@/lib/feeds/build-atom";
import { feedEntries, parseFeedParams } from "@/lib/feeds/feed-params";
import { filtersToQuery } from "@/lib/filters";
import { pathSegment } from "@/lib/format";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { atomResponse } from "@/server/feed-response";
import { publicOrigin } from "@/server/network";
import { badRequest } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The newest featured papers matching the filters, as Atom: one entry per paper, newest daily date first. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseFeedParams(new URL(request.url).searchParams);
  const origin = publicOrigin(request.headers, getEnv());
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return badRequest(parsed.issues);
  const query = filtersToQuery(parsed.filters);
  const { rows } = await listPapersPage(db, parsed.filters, {
    sort: { key: "date", dir: "desc" },
    after: undefined,
    limit: feedEntries,
  });
  const xml = buildAtom({
    id: tagId("feed", "papers", query),
    title: `Paperpulse: newly featured papers${query ? ` (${decodeURIComponent(query.slice(1))})` : ""}`,
    self: `${origin}/feeds/papers.atom${query}`,
    alternate: `${origin}/papers${filtersToQuery(parsed.filters, { sort: "-date" })}`,
    entries: rows.map((paper) => ({
      id: tagId("paper", paper.id),
      title: paper.title,
      link: `${origin}/papers/${pathSegment(paper.id)}`,
      summary: describePaper(paper),
      date: paper.firstSeenAt,
    })),
  });
  return atomResponse(xml);
}
