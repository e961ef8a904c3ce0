import { organizations, orgStats } from "@paperpulse/schema";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../types.ts";

export type OrganizationDetail = {
  name: string;
  fullname: string | null;
  avatar: string | null;
  papers: number;
  upvotes: number;
  /** YYYY-MM-DD of its first and last daily dates; null without papers. */
  firstDay: string | null;
  lastDay: string | null;
};

/** One organisation with its totals over all time (its precomputed row), or null when the name is unknown. */
export async function getOrganization(db: Db, name: string): Promise<OrganizationDetail | null> {
  const [row] = await db
    .select({
      name: organizations.name,
      fullname: organizations.fullname,
      avatar: organizations.avatar,
      papers: sql`coalesce(${orgStats.papers}, 0)`.mapWith(Number),
      upvotes: sql`coalesce(${orgStats.upvotes}, 0)`.mapWith(Number),
      firstDay: sql<string | null>`to_char(${orgStats.firstDay}, 'YYYY-MM-DD')`,
      lastDay: sql<string | null>`to_char(${orgStats.lastDay}, 'YYYY-MM-DD')`,
    })
    .from(organizations)
    .leftJoin(orgStats, eq(orgStats.name, organizations.name))
    // Organisations match whatever their case (one row per name: the unique index on lower(name)).
    .where(sql`lower(${organizations.name}) = lower(${name})`);
  return row ?? null;
}
