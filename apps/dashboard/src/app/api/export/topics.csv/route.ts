import { getTopicShares, listTopics } from "@paperpulse/db";
import { attachment, csvStream, once } from "@/lib/csv";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { orgGranularities } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const header = ["period_start", "granularity", "topic", "topic_label", "papers", "period_papers", "share"];

/**
 * The Topics view's shares: for every month (or week) and topic, the matching papers with the topic, all matching
 * papers of the period, and the share. A paper may have several topics. Bounded: periods × topics (a few thousand).
 */
export async function GET(request: Request): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
  const parsed = parseFilters(params);
  const granularity = readChoice(params, "granularity", orgGranularities, "month", parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return badRequest(parsed.issues);
  const [shares, topics] = await Promise.all([
    getTopicShares(db, parsed.filters, { granularity }),
    listTopics(db),
  ]);
  const labels = new Map(topics.map((t) => [t.slug, t.label]));
  const periodPapers = new Map(shares.periods.map((p) => [p.period, p.papers]));
  const body = csvStream(header, once(shares.rows), (row) => [
    row.period,
    granularity,
    row.topic,
    labels.get(row.topic) ?? row.topic,
    row.papers,
    periodPapers.get(row.period) ?? 0,
    row.share,
  ]);
  return csvResponse(body, attachment(exportName("topics", parsed.filters)));
}
