import { sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { selectRows } from "../rows.ts";
import type { DbOrTx } from "../types.ts";

export type TopicCatalogEntry = { slug: string; label: string; description: string };

/**
 * Makes the topics table hold exactly these topics, in this order (labels for the dashboard). Idempotent and cheap
 * (one statement): runs call it at their start so a changed taxonomy shows its labels at once.
 */
export async function saveTopicCatalog(db: DbOrTx, entries: readonly TopicCatalogEntry[]): Promise<void> {
  const rows = entries.map(({ slug, label, description }, position) => ({
    slug,
    label,
    description,
    position,
  }));
  const [changed] = await selectRows<{ n: number | string }>(
    db,
    sql`with input as (
      select slug, label, description, position
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(slug text, label text, description text, position int)),
    removed as (delete from topics where slug not in (select slug from input) returning 1),
    saved as (
      insert into topics (slug, label, description, position) select slug, label, description, position from input
      on conflict (slug) do update set label = excluded.label, description = excluded.description,
        position = excluded.position
      where (topics.label, topics.description, topics.position)
        is distinct from (excluded.label, excluded.description, excluded.position)
      returning 1)
    select (select count(*) from removed) + (select count(*) from saved) as n`,
  );
  // The filter panel's topic labels are cached on the data version.
  if (Number(changed?.n ?? 0) > 0) await bumpDataVersion(db);
}
