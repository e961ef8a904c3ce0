import type { CapturedPaper } from "../src/write/capture.ts";

/** A synthetic captured paper with nothing but an id and counts; tests override what they look at. */
export function capturedPaper(
  id: string,
  upvotes: number,
  overrides: Partial<CapturedPaper> = {},
): CapturedPaper {
  return {
    id,
    title: `Synthetic paper ${id}`,
    summary: null,
    publishedAt: null,
    dailyDate: "2025-10-02",
    organization: null,
    submittedBy: null,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    aiKeywords: null,
    upvotes,
    comments: 0,
    authors: [],
    authorCount: 0,
    rank: 1,
    ...overrides,
  };
}
