import "server-only";
import {
  type Db,
  getDataVersion,
  getNewestDay,
  listOrganizations,
  listTopics,
  type OrganizationSummary,
} from "@paperpulse/db";

export type TopicOption = { slug: string; label: string };

/**
 * What the filter panel offers on every view: the organisations (most papers first), the topics, and the newest
 * daily date, where the quick ranges end.
 */
export type Facets = {
  organizations: OrganizationSummary[];
  topics: TopicOption[];
  newestDay: string | null;
};

type Cached = { version: number; facets: Promise<Facets> };

// One cache per process on globalThis (Next bundles pages and routes apart). Keyed on the data version read from
// the database on every request, so a run committed by any process (the scheduler, another dashboard, the CLI)
// shows at once, and nothing is recomputed between runs.
const key = Symbol.for("paperpulse.dashboard.facets");
type Global = typeof globalThis & { [key]?: Cached };

export async function getFacets(db: Db): Promise<Facets> {
  const version = await getDataVersion(db);
  const global = globalThis as Global;
  const cached = global[key];
  if (cached && cached.version === version) return cached.facets;
  const facets = loadFacets(db);
  global[key] = { version, facets };
  // A failed load is not kept: the next request tries again.
  facets.catch(() => {
    if (global[key]?.facets === facets) delete global[key];
  });
  return facets;
}

async function loadFacets(db: Db): Promise<Facets> {
  const [organizations, topics, newestDay] = await Promise.all([
    listOrganizations(db),
    listTopics(db),
    getNewestDay(db),
  ]);
  return { organizations, topics: topics.map(({ slug, label }) => ({ slug, label })), newestDay };
}
