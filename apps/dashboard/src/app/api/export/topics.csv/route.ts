import { getTopicShares, listTopics } from "@paperpulse/db";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { parseFilters, readChoice, toSearchParams } from "@/lib/filters";
import { topicShareColumns } from "@/lib/view-columns";
import { orgGranularities } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

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
  const rows = shares.rows.map((row) => ({
    ...row,
    granularity,
    label: labels.get(row.topic) ?? row.topic,
    periodPapers: periodPapers.get(row.period) ?? 0,
  }));
  const body = await startCsvColumns(topicShareColumns, once(rows));
  return csvResponse(body, attachment(exportName("topics", parsed.filters)));
}
