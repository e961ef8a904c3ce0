import {
  type CapturedAuthor,
  type CapturedOrganization,
  type CapturedPaper,
  dedupeById,
} from "@paperpulse/db";
import type { HfAuthor, HfDailyPaper, HfOrganization } from "@paperpulse/schema";
import { collapseWhitespace, formatUtcDay, type ListingCard, type ParsedListing } from "../parse/index.ts";
import { classifyCapturedPaper } from "../topics/index.ts";

/**
 * One API / payload item → the paper as the store takes it. Text is whitespace-collapsed (2024 titles hold hard
 * line breaks); `dailyDate` is null when the item does not say (2024 data), and the store then uses the
 * listing's date.
 */
export function normalizeDailyPaper(item: HfDailyPaper, rank: number): CapturedPaper {
  const { paper } = item;
  const authors = paper.authors.map(normalizeAuthor);
  return {
    id: paper.id,
    title: collapseWhitespace(paper.title),
    summary: optionalText(paper.summary),
    publishedAt: paper.publishedAt ? new Date(paper.publishedAt) : null,
    dailyDate: formatUtcDay(paper.submittedOnDailyAt),
    organization: normalizeOrganization(paper.organization ?? item.organization),
    submittedBy: optionalText(item.submittedBy?.name ?? paper.submittedOnDailyBy?.user),
    githubRepo: optionalText(paper.githubRepo),
    githubStars: paper.githubStars ?? null,
    projectPage: optionalText(paper.projectPage),
    aiSummary: optionalText(paper.ai_summary),
    aiKeywords: paper.ai_keywords ? normalizeKeywords(paper.ai_keywords) : null,
    upvotes: paper.upvotes,
    comments: item.numComments,
    authors,
    authorCount: authors.length,
    rank,
  };
}

/** A listing card → a paper with counts only: `authors: null` tells the store to keep the authors it has. */
export function normalizeCard(card: ListingCard, rank: number): CapturedPaper {
  return {
    id: card.id,
    title: collapseWhitespace(card.title),
    summary: null,
    publishedAt: null,
    dailyDate: null,
    organization: null,
    submittedBy: optionalText(card.submittedBy),
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    aiKeywords: null,
    upvotes: card.upvotes,
    comments: card.comments,
    authors: null,
    authorCount: card.authorCount,
    rank,
  };
}

/** API items (one response page) → deduplicated papers ranked 1..n in response order, with their topics. */
export function normalizeDailyPapers(items: readonly HfDailyPaper[]): CapturedPaper[] {
  const unique = dedupeById(items.map((item) => ({ id: item.paper.id, item })));
  return unique.map(({ item }, index) => withTopics(normalizeDailyPaper(item, index + 1)));
}

/** A parsed listing page → deduplicated papers ranked 1..n in page order (ranks count kept papers only). */
export function normalizeListing(parsed: ParsedListing): CapturedPaper[] {
  if (parsed.source === "payload") return normalizeDailyPapers(parsed.items);
  return dedupeById(parsed.items).map((card, index) => withTopics(normalizeCard(card, index + 1)));
}

/** Topics and keywords from exactly the text the store keeps (the store writes them only if it kept this text). */
function withTopics(paper: CapturedPaper): CapturedPaper {
  const { topics, keywords } = classifyCapturedPaper({
    id: paper.id,
    title: paper.title,
    summary: paper.summary,
    keywords: paper.aiKeywords,
  });
  paper.topics = topics;
  paper.keywords = keywords;
  return paper;
}

/**
 * Hidden authors stay: they are authors of the paper and the page's "N authors" counts them. `hidden` marks an
 * author who hid the paper from their Hugging Face profile, so we do not link their account either.
 */
function normalizeAuthor(author: HfAuthor): CapturedAuthor {
  return {
    name: collapseWhitespace(author.name),
    hfUser: author.hidden ? null : optionalText(author.user?.user),
  };
}

function normalizeOrganization(org: HfOrganization | null | undefined): CapturedOrganization | null {
  if (!org) return null;
  return { name: org.name.trim(), fullname: optionalText(org.fullname), avatar: optionalText(org.avatar) };
}

// Keywords keep their wording (topic matching normalises case and plurals later); blanks and repeats go.
function normalizeKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map(collapseWhitespace).filter((keyword) => keyword !== ""))];
}

// An empty string is "absent" for every optional text field: storing "" would read as a value in the dashboard.
function optionalText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const collapsed = collapseWhitespace(text);
  return collapsed === "" ? null : collapsed;
}
