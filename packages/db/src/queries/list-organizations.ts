import { organizations, orgStats } from "@paperpulse/schema";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../types.ts";

export type OrganizationSummary = {
  /** Hugging Face organisation name, the key used in filters (e.g. `ByteDance-Seed`). */
  name: string;
  fullname: string | null;
  papers: number;
  /** Sum of its papers' latest upvotes. */
  upvotes: number;
};

/** Every known organisation with its paper count and upvotes (their precomputed rows), most papers first. */
export async function listOrganizations(db: Db): Promise<OrganizationSummary[]> {
  const paperCount = sql`coalesce(${orgStats.papers}, 0)`.mapWith(Number);
  return db
    .select({
      name: organizations.name,
      fullname: organizations.fullname,
      papers: paperCount,
      upvotes: sql`coalesce(${orgStats.upvotes}, 0)`.mapWith(Number),
    })
    .from(organizations)
    .leftJoin(orgStats, eq(orgStats.name, organizations.name))
    .orderBy(desc(paperCount), asc(organizations.name));
}
