import "server-only";
import type { Db, Filters } from "@paperpulse/db";
import type { ParamIssue } from "@/lib/filters";
import { getFacets } from "./facets";

/**
 * Checks the filters' values against the data: an organisation named in another case (`meta`) takes the stored
 * spelling (`Meta`), since organisations match whatever their case; a topic that no paper carries and the
 * catalogue does not know is dropped (the others stay), with an issue (the pages show it inline, exports answer 400). Only known
 * slugs reach the database.
 */
export async function checkFilterValues(
  db: Db,
  parsed: { filters: Filters; issues: ParamIssue[] },
): Promise<void> {
  const { organizations, topics } = await getFacets(db);
  if (parsed.filters.orgs.length > 0) {
    const stored = new Map(organizations.map((org) => [org.name.toLowerCase(), org.name]));
    parsed.filters.orgs = [
      ...new Set(parsed.filters.orgs.map((name) => stored.get(name.toLowerCase()) ?? name)),
    ];
  }
  const asked = parsed.filters.topics;
  if (!asked?.length) return;
  const known = asked.filter((slug) => topics.some((option) => option.slug === slug));
  for (const slug of asked) {
    if (!known.includes(slug))
      parsed.issues.push({ param: "topic", message: `is not a known topic (got "${slug}")` });
  }
  if (known.length > 0) parsed.filters.topics = known;
  else delete parsed.filters.topics;
}
