import { organizations, papers } from "@paperpulse/schema";
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

/** One organisation with its totals over all time, or null when the name is unknown. */
export async function getOrganization(db: Db, name: string): Promise<OrganizationDetail | null> {
  const [row] = await db
    .select({
      name: organizations.name,
      fullname: organizations.fullname,
      avatar: organizations.avatar,
      papers: sql`count(${papers.id})`.mapWith(Number),
      upvotes: sql`coalesce(sum(${papers.upvotes}), 0)`.mapWith(Number),
      firstDay: sql<string | null>`to_char(min(${papers.dailyDate}), 'YYYY-MM-DD')`,
      lastDay: sql<string | null>`to_char(max(${papers.dailyDate}), 'YYYY-MM-DD')`,
    })
    .from(organizations)
    .leftJoin(papers, eq(papers.organizationName, organizations.name))
    .where(eq(organizations.name, name))
    .groupBy(organizations.name, organizations.fullname, organizations.avatar);
  return row ?? null;
}
