import { topics } from "@paperpulse/schema";
import { asc } from "drizzle-orm";
import type { Db } from "../types.ts";

export type TopicOption = { slug: string; label: string };

/** The topic catalogue in taxonomy order: what the `topic` filter may name. */
export async function listTopicOptions(db: Db): Promise<TopicOption[]> {
  return db.select({ slug: topics.slug, label: topics.label }).from(topics).orderBy(asc(topics.position));
}
