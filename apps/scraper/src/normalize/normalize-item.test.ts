import { dedupeById } from "@paperpulse/db";
import { type HfDailyPaper, hfDailyPaperSchema } from "@paperpulse/schema";
import { describe, expect, it } from "vitest";
import { makeItem, type SyntheticItem } from "../parse/__fixtures__/synthetic-listing.ts";
import type { ListingCard } from "../parse/index.ts";
import { normalizeCard, normalizeDailyPaper, normalizeListing } from "./index.ts";

const item = (synthetic: SyntheticItem): HfDailyPaper => hfDailyPaperSchema.parse(synthetic);

describe("normalizeDailyPaper", () => {
  it("maps a 2026-shaped item", () => {
    const synthetic = makeItem(7, {
      title: "  Line one\nline two\r\n\tand  three ",
      summary: "First sentence.\nSecond\u00a0sentence. ",
      authors: [
        { name: "Ada\nExample", user: { user: "ada" } },
        { name: "Hidden Person", hidden: true, user: { user: "hidden-handle" } },
        { name: "No Account" },
      ],
      submittedOnDailyAt: "2026-07-13T23:30:00.000-05:00",
      organization: { name: "example-lab", fullname: "Example Lab", avatar: "" },
      ai_keywords: ["diffusion models", " Diffusion  models", "", "diffusion models"],
      ai_summary: "Invented\nsummary.",
      githubRepo: "https://github.com/example/repo",
      githubStars: 42,
      projectPage: "",
    });
    expect(normalizeDailyPaper(item(synthetic), 3)).toEqual({
      id: "2401.00007",
      title: "Line one line two and three",
      summary: "First sentence. Second sentence.",
      publishedAt: new Date("2024-01-01T12:00:00.000Z"),
      dailyDate: "2026-07-14", // the UTC day, not the local one
      organization: { name: "example-lab", fullname: "Example Lab", avatar: null },
      submittedBy: "submitter",
      githubRepo: "https://github.com/example/repo",
      githubStars: 42,
      projectPage: null,
      aiSummary: "Invented summary.",
      aiKeywords: ["diffusion models", "Diffusion models"],
      upvotes: 17,
      comments: 1,
      authors: [
        { name: "Ada Example", hfUser: "ada" },
        { name: "Hidden Person", hfUser: null },
        { name: "No Account", hfUser: null },
      ],
      authorCount: 3,
      rank: 3,
    });
  });

  it("maps a 2024-shaped item: no daily date, no organisation, no keywords", () => {
    const paper = normalizeDailyPaper(item(makeItem(1)), 1);
    expect(paper).toMatchObject({ dailyDate: null, organization: null, aiKeywords: null, aiSummary: null });
  });

  it("takes the organisation from the item when the paper has none", () => {
    const synthetic = { ...makeItem(1), organization: { name: "top-level-org" } };
    expect(normalizeDailyPaper(item(synthetic), 1).organization).toEqual({
      name: "top-level-org",
      fullname: null,
      avatar: null,
    });
    const both = {
      ...makeItem(1, { organization: { name: "paper-org" } }),
      organization: { name: "top-level-org" },
    };
    expect(normalizeDailyPaper(item(both), 1).organization?.name).toBe("paper-org");
  });

  it("takes the submitter from submittedBy, else submittedOnDailyBy, else null", () => {
    const fallback = {
      ...makeItem(1, { submittedOnDailyBy: { user: "daily-user" } }),
      submittedBy: undefined,
    };
    expect(normalizeDailyPaper(item(fallback), 1).submittedBy).toBe("daily-user");
    expect(normalizeDailyPaper(item({ ...makeItem(1), submittedBy: undefined }), 1).submittedBy).toBeNull();
  });
});

describe("normalizeCard", () => {
  it("keeps counts only and leaves authors unknown", () => {
    const card: ListingCard = {
      id: "2401.00001",
      title: "A\ncard  title",
      upvotes: 5,
      comments: 2,
      authorCount: 4,
      submittedBy: null,
    };
    expect(normalizeCard(card, 2)).toMatchObject({
      id: "2401.00001",
      title: "A card title",
      upvotes: 5,
      comments: 2,
      authors: null,
      authorCount: 4,
      summary: null,
      dailyDate: null,
      rank: 2,
    });
  });
});

describe("dedupeById and normalizeListing", () => {
  it("keeps the first occurrence of a repeated id", () => {
    const rows = [
      { id: "a", n: 1 },
      { id: "b", n: 2 },
      { id: "a", n: 3 },
    ];
    expect(dedupeById(rows)).toEqual([
      { id: "a", n: 1 },
      { id: "b", n: 2 },
    ]);
  });

  it("ranks the kept papers 1..n", () => {
    const items = [makeItem(1), makeItem(2), makeItem(1, { upvotes: 500 }), makeItem(3)].map(item);
    const papers = normalizeListing({ source: "payload", listingDate: "2024-01-02", items });
    expect(papers.map((p) => [p.id, p.rank, p.upvotes])).toEqual([
      ["2401.00001", 1, 11],
      ["2401.00002", 2, 12],
      ["2401.00003", 3, 13],
    ]);
  });

  it("dedupes and ranks cards the same way", () => {
    const card = (id: string, upvotes: number): ListingCard => ({
      id,
      title: id,
      upvotes,
      comments: 0,
      authorCount: 1,
      submittedBy: null,
    });
    const papers = normalizeListing({
      source: "cards",
      listingDate: null,
      items: [card("x", 1), card("x", 9), card("y", 2)],
    });
    expect(papers.map((p) => [p.id, p.rank, p.upvotes])).toEqual([
      ["x", 1, 1],
      ["y", 2, 2],
    ]);
  });

  it("returns nothing for an empty listing", () => {
    expect(normalizeListing({ source: "payload", listingDate: null, items: [] })).toEqual([]);
  });
});
