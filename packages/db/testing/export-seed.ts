import type { Db } from "../src/types.ts";
import type { Capture, CapturedPaper } from "../src/write/capture.ts";
import { capturedPaper } from "./captured-paper.ts";
import { storeFresh } from "./store-fresh.ts";

// Synthetic data for the export tests: three papers over two day captures and a trending one. 2601.00010 names
// ByteDance-Seed (in the default ByteDance group), two authors (one without an account), keywords and two topics;
// 2601.00020 names a lab in no group; 2601.00030 has no daily date of its own (the listing's is used), no
// organisation and no author. Every expected value is worked out from these inputs.

export const exportSeedTimes = {
  first: new Date("2026-01-05T08:00:00.000Z"),
  second: new Date("2026-01-06T09:30:00.250Z"),
  trending: new Date("2026-01-06T10:00:00.000Z"),
};

const seedPaper = (id: string, upvotes: number, overrides: Partial<CapturedPaper>): CapturedPaper =>
  capturedPaper(id, upvotes, { title: `Exported paper ${id} — ünïcode`, ...overrides });

const p1 = (upvotes: number, rank: number) =>
  seedPaper("2601.00010", upvotes, {
    dailyDate: "2026-01-05",
    organization: { name: "ByteDance-Seed", fullname: "ByteDance Seed", avatar: null },
    authors: [
      { name: "Ada Example", hfUser: "ada-ex" },
      { name: "Bo Example", hfUser: null },
    ],
    authorCount: 2,
    githubRepo: "https://github.com/example/one",
    githubStars: 42,
    aiKeywords: ["Diffusion Models", "video"],
    keywords: ["diffusion model", "video"],
    topics: ["video", "diffusion"],
    comments: 2,
    rank,
  });
const p2 = (upvotes: number, rank: number) =>
  seedPaper("2601.00020", upvotes, {
    dailyDate: "2026-01-05",
    organization: { name: "solo-lab", fullname: null, avatar: null },
    authors: [{ name: "Cy Example", hfUser: "cy" }],
    authorCount: 1,
    keywords: [],
    topics: [],
    rank,
  });
const p3 = (upvotes: number, rank: number) =>
  seedPaper("2601.00030", upvotes, { dailyDate: null, authors: [], keywords: [], topics: ["llm"], rank });

export const exportSeedCaptures: Capture[] = [
  { capturedAt: exportSeedTimes.first, listingDate: "2026-01-05", papers: [p1(3, 2), p2(5, 1)] },
  { capturedAt: exportSeedTimes.second, listingDate: "2026-01-06", papers: [p1(9, 1), p2(5, 2), p3(1, 3)] },
  {
    capturedAt: exportSeedTimes.trending,
    listingDate: null,
    trending: true,
    papers: [p3(1, 1), p1(9, 2)],
  },
];

/** Stores the captures above, in order, as one succeeded run. */
export function seedExportData(db: Db): Promise<void> {
  return storeFresh(db, exportSeedCaptures);
}
