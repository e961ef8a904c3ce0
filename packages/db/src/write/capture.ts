/**
 * What one capture of a listing (a page, an API response, a recorded file) holds once parsed and normalised:
 * the input of saveCapture. Parsers produce it; the store never sees raw HTML or JSON.
 */
export type CapturedOrganization = { name: string; fullname: string | null; avatar: string | null };

export type CapturedAuthor = { name: string; hfUser: string | null };

export type CapturedPaper = {
  id: string;
  title: string;
  summary: string | null;
  publishedAt: Date | null;
  /** YYYY-MM-DD from submittedOnDailyAt; null when the source does not say (then the listing's date is used). */
  dailyDate: string | null;
  organization: CapturedOrganization | null;
  submittedBy: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  aiSummary: string | null;
  aiKeywords: string[] | null;
  upvotes: number;
  comments: number;
  /** null when the source shows only a count (listing cards): stored authors are then left as they are. */
  authors: CapturedAuthor[] | null;
  authorCount: number;
  /** 1-based position in its listing. */
  rank: number;
  /** Broad topic slugs computed from title, summary and aiKeywords; absent: stored topics are left as they are. */
  topics?: string[];
  /** aiKeywords normalised into fine-grained keywords; absent: stored keywords are left as they are. */
  keywords?: string[];
};

export type Capture = {
  capturedAt: Date;
  /** The date of the listing this came from (YYYY-MM-DD), when the source has one; a range's first day. */
  listingDate: string | null;
  /**
   * The last day of a week or month listing (its first is listingDate): the capture counts for every day in
   * between. Such a listing dates no paper: each carries its own day.
   */
  listingEnd?: string | null;
  /** The trending listing: its order is kept (trending_entries), as it has no date to find its papers by. */
  trending?: boolean;
  papers: CapturedPaper[];
};
