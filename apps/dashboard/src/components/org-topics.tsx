import type { Db, Filters } from "@paperpulse/db";

type Props = { db: Db; filters: Filters };

/** An organisation's topics: filled in once the topic loaders are available. */
export async function OrgTopics(_props: Props) {
  return null;
}
