import "server-only";
import type { Db, Filters } from "@paperpulse/db";
import type { ParamIssue } from "@/lib/filters";
import { getFacets } from "./facets";

/**
 * Drops a topic that no paper carries and the catalogue does not know, with an issue: the pages show it inline,
 * exports answer 400. Only known slugs reach the database.
 */
export async function checkTopic(db: Db, parsed: { filters: Filters; issues: ParamIssue[] }): Promise<void> {
  const topic = parsed.filters.topic;
  if (topic === undefined) return;
  const { topics } = await getFacets(db);
  if (topics.some((option) => option.slug === topic)) return;
  parsed.issues.push({ param: "topic", message: `is not a known topic (got "${topic}")` });
  delete parsed.filters.topic;
}
