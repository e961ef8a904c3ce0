import "server-only";
import { type Db, type Filters, listTopicOptions, type TopicOption } from "@paperpulse/db";
import type { ParamIssue } from "@/lib/filters";

/** The topics a reader can filter by, in taxonomy order. */
export function getTopicOptions(db: Db): Promise<TopicOption[]> {
  return listTopicOptions(db);
}

/**
 * Drops a topic that is not in the catalogue, with an issue: the pages show it inline, exports answer 400. Only
 * known slugs reach the database.
 */
export async function checkTopic(db: Db, parsed: { filters: Filters; issues: ParamIssue[] }): Promise<void> {
  const topic = parsed.filters.topic;
  if (topic === undefined) return;
  const known = await getTopicOptions(db);
  if (known.some((option) => option.slug === topic)) return;
  parsed.issues.push({ param: "topic", message: `is not a known topic (got "${topic}")` });
  delete parsed.filters.topic;
}
