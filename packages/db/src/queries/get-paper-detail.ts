import { organizations, paperAuthors, paperKeywords, papers, paperTexts } from "@paperpulse/schema";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../types.ts";

export type PaperDetail = {
  id: string;
  title: string;
  summary: string | null;
  aiSummary: string | null;
  /** The keywords as normalised and counted (the rising keywords, the `keyword` filter), in stored order. */
  keywords: string[];
  publishedAt: Date | null;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  organizationFullname: string | null;
  submittedBy: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  upvotes: number;
  comments: number;
  /** Place among its day's papers by latest upvotes; 1 is the day's most upvoted. */
  dayRank: number | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  authors: { name: string; hfUser: string | null }[];
};

/** Everything stored about one paper, its authors in order; null when the id is unknown. */
export async function getPaperDetail(db: Db, id: string): Promise<PaperDetail | null> {
  const [row] = await db
    .select({
      id: papers.id,
      title: papers.title,
      summary: paperTexts.summary,
      aiSummary: paperTexts.aiSummary,
      keywords: paperKeywords.keywords,
      publishedAt: papers.publishedAt,
      dailyDate: papers.dailyDate,
      organization: papers.organizationName,
      organizationFullname: organizations.fullname,
      submittedBy: papers.submittedBy,
      githubRepo: papers.githubRepo,
      githubStars: papers.githubStars,
      projectPage: papers.projectPage,
      upvotes: papers.upvotes,
      comments: papers.comments,
      dayRank: papers.dayRank,
      firstSeenAt: papers.firstSeenAt,
      lastSeenAt: papers.lastSeenAt,
    })
    .from(papers)
    .leftJoin(organizations, eq(organizations.name, papers.organizationName))
    .leftJoin(paperTexts, eq(paperTexts.paperId, papers.id))
    .leftJoin(paperKeywords, eq(paperKeywords.paperId, papers.id))
    .where(eq(papers.id, id))
    .limit(1);
  if (!row) return null;
  const authors = await db
    .select({ name: paperAuthors.name, hfUser: paperAuthors.hfUser })
    .from(paperAuthors)
    .where(eq(paperAuthors.paperId, id))
    .orderBy(asc(paperAuthors.position));
  return {
    ...row,
    keywords: row.keywords ?? [],
    authors,
  };
}
