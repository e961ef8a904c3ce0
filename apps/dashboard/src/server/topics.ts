import "server-only";
import { type Db, type Filters, listTopics } from "@paperpulse/db";
import type { TopicOption } from "@/components/filter-bar";
import type { ParamIssue } from "@/lib/filters";

/** The topics a reader can filter by, in taxonomy order (with topics papers carry but the catalogue lacks). */
export async function getTopicOptions(db: Db): Promise<TopicOption[]> {
  return (await listTopics(db)).map(({ slug, label }) => ({ slug, label }));
}

/**
 * Drops a topic that no paper carries and the catalogue does not know, with an issue: the pages show it inline,
 * exports answer 400. Only known slugs reach the database.
 */
export async function checkTopic(db: Db, parsed: { filters: Filters; issues: ParamIssue[] }): Promise<void> {
  const topic = parsed.filters.topic;
  if (topic === undefined) return;
  const known = await getTopicOptions(db);
  if (known.some((option) => option.slug === topic)) return;
  parsed.issues.push({ param: "topic", message: `is not a known topic (got "${topic}")` });
  delete parsed.filters.topic;
}
