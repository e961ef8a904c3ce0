import { listThresholdCrossings } from "@paperpulse/db";
import { buildAtom, describePaper, tagId } from "@/lib/feeds/build-atom";
import { defaultThreshold, feedEntries, parseFeedParams } from "@/lib/feeds/feed-params";
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

/** Papers matching the filters as they reach `threshold` upvotes, as Atom: an entry each, at its crossing. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseFeedParams(new URL(request.url).searchParams);
  const origin = publicOrigin(request.headers, getEnv());
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return badRequest(parsed.issues);
  const { filters, threshold } = parsed;
  const query = filtersToQuery(filters, {
    threshold: threshold === defaultThreshold ? undefined : String(threshold),
  });
  const crossings = await listThresholdCrossings(db, filters, { upvotes: threshold, limit: feedEntries });
  const xml = buildAtom({
    id: tagId("feed", "upvotes", String(threshold), filtersToQuery(filters)),
    title: `Paperpulse: papers reaching ${threshold} upvotes`,
    self: `${origin}/feeds/upvotes.atom${query}`,
    alternate: `${origin}/papers${filtersToQuery({ ...filters, minUpvotes: threshold })}`,
    entries: crossings.map((paper) => ({
      id: tagId("paper", paper.id, "upvotes", String(threshold)),
      title: `${paper.title} reached ${threshold} upvotes`,
      link: `${origin}/papers/${pathSegment(paper.id)}`,
      summary: describePaper(paper),
      date: paper.crossedAt,
    })),
  });
  return atomResponse(xml);
}
