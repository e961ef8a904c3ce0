import "server-only";
import {
  type CompareSeries,
  type Db,
  getCompareSeries,
  listOrgLeaderboard,
  listTopics,
} from "@paperpulse/db";
import { compareDefaultKeys, type parseCompareParams } from "@/lib/view-params";

export type LoadedCompare = {
  series: CompareSeries;
  /** Nothing was picked: the series are the organisations (or topics) with the most matching papers. */
  defaulted: boolean;
  /** Display names of the keys: organisations as stored, topics by their label. */
  labels: Map<string, string>;
};

/**
 * The compare view's data, shared by the page and its CSV so both hold the same series: the picked organisations
 * or topics, else the few with the most papers matching the other filters.
 */
export async function loadCompare(
  db: Db,
  parsed: ReturnType<typeof parseCompareParams>,
): Promise<LoadedCompare> {
  const { filters, by, granularity } = parsed;
  const topics = by === "topic" ? await listTopics(db, filters) : [];
  const labels = new Map(topics.map((topic) => [topic.slug, topic.label]));
  const picked = by === "org" ? filters.orgs : (filters.topics ?? []);
  let keys = picked;
  if (picked.length === 0 && by === "org") {
    const board = await listOrgLeaderboard(db, filters, { limit: compareDefaultKeys, sort: "papers" });
    keys = board.map((row) => row.name);
  } else if (picked.length === 0) {
    keys = [...topics]
      .filter((topic) => topic.papers > 0)
      .sort((a, b) => b.papers - a.papers)
      .slice(0, compareDefaultKeys)
      .map((topic) => topic.slug);
  }
  const compared = by === "org" ? { ...filters, orgs: keys } : { ...filters, topics: keys };
  const series = await getCompareSeries(db, compared, { by, granularity });
  if (by === "org") for (const key of keys) labels.set(key, key);
  return { series, defaulted: picked.length === 0, labels };
}
