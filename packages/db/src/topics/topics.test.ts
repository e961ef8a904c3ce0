import { paperKeywords, paperTopics } from "@paperpulse/schema";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase } from "../../testing/index.ts";
import type { Db } from "../types.ts";
import type { CapturedPaper } from "../write/capture.ts";
import { finishRun, startRun } from "../write/runs.ts";
import { saveCapture } from "../write/save-capture.ts";
import { getTopicShares } from "./get-topic-shares.ts";
import { listRisingKeywords, windowStart } from "./list-rising-keywords.ts";
import { listTopics } from "./list-topics.ts";
import { savePaperTopics } from "./save-paper-topics.ts";
import { saveTopicCatalog } from "./save-topic-catalog.ts";

// Synthetic papers only: ids, titles and keywords are invented.
function paper(id: string, overrides: Partial<CapturedPaper> = {}): CapturedPaper {
  return capturedPaper(id, 1, {
    summary: `Abstract of ${id}`,
    dailyDate: "2023-01-10",
    topics: [],
    keywords: [],
    ...overrides,
  });
}

const org = (name: string) => ({ name, fullname: null, avatar: null });

async function store(db: Db, papers: CapturedPaper[], capturedAt: string) {
  const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
  await saveCapture(db, {
    runId: run.id,
    page: { url: `file:///synthetic-${capturedAt}.json`, kind: "file" },
    capture: { capturedAt: new Date(capturedAt), listingDate: null, papers },
  });
  await finishRun(db, run.id, { status: "succeeded" });
}

async function topicRows(db: Db, prefix: string) {
  const rows = await db.select().from(paperTopics).orderBy(asc(paperTopics.paperId), asc(paperTopics.topic));
  return rows.filter((row) => row.paperId.startsWith(prefix)).map((row) => `${row.paperId} ${row.topic}`);
}

async function keywordRows(db: Db, prefix: string) {
  const rows = await db.select().from(paperKeywords).orderBy(asc(paperKeywords.paperId));
  return rows
    .filter((row) => row.paperId.startsWith(prefix))
    .flatMap((row) => row.keywords.map((keyword) => `${row.paperId} ${keyword}`));
}

describeEachDatabase("topics and keywords", (getDb) => {
  describe("computed on store", () => {
    const first = [
      paper("s1", { topics: ["llm", "agents"], keywords: ["large language model", "tool use"] }),
      paper("s2", { topics: ["video"], keywords: [] }),
      // No topics computed (a caller that does not classify): nothing is written for it.
      paper("s3", { topics: undefined, keywords: undefined }),
    ];

    it("writes each paper's topics and keywords with the page", async () => {
      await store(getDb(), first, "2025-01-10T08:00:00Z");
      expect(await topicRows(getDb(), "s")).toEqual(["s1 agents", "s1 llm", "s2 video"]);
      expect(await keywordRows(getDb(), "s")).toEqual(["s1 large language model", "s1 tool use"]);
    });

    it("changes nothing when the same capture is stored again", async () => {
      await store(getDb(), first, "2025-01-10T08:00:00Z");
      const again = await getDb().transaction((tx) => savePaperTopics(tx, first));
      expect(again).toEqual({ topicsChanged: 0, keywordsChanged: 0 });
      expect(await topicRows(getDb(), "s")).toEqual(["s1 agents", "s1 llm", "s2 video"]);
    });

    it("rewrites them when a newer capture changes the text", async () => {
      const newer = paper("s1", {
        summary: "A revised synthetic abstract",
        topics: ["llm", "reasoning"],
        keywords: ["large language model", "planning"],
      });
      await store(getDb(), [newer], "2025-01-11T08:00:00Z");
      expect(await topicRows(getDb(), "s1")).toEqual(["s1 llm", "s1 reasoning"]);
      expect(await keywordRows(getDb(), "s1")).toEqual(["s1 large language model", "s1 planning"]);
    });

    it("keeps them when an older capture arrives late, or a newer one has no abstract", async () => {
      const older = paper("s1", { title: "An older title", topics: ["speech-audio"], keywords: ["old"] });
      await store(getDb(), [older], "2025-01-09T08:00:00Z");
      // A listing card: the store keeps the stored abstract, so topics computed from the title alone must not win.
      const card = paper("s1", { summary: null, topics: [], keywords: [] });
      await store(getDb(), [card], "2025-01-12T08:00:00Z");
      expect(await topicRows(getDb(), "s1")).toEqual(["s1 llm", "s1 reasoning"]);
      expect(await keywordRows(getDb(), "s1")).toEqual(["s1 large language model", "s1 planning"]);
    });

    it("reports which papers changed, leaves undefined fields alone, skips captures with less text", async () => {
      const db = getDb();
      const result = await db.transaction((tx) =>
        savePaperTopics(tx, [
          { id: "s2", summary: "Abstract of s2", aiKeywords: null, topics: ["3d"] },
          // No abstract in this capture while the stored row has one: skipped.
          { id: "s3", summary: null, aiKeywords: null, topics: ["math"], keywords: ["x"] },
        ]),
      );
      // s2 changes topics only (keywords undefined: left alone); s3 is skipped.
      expect(result).toEqual({ topicsChanged: 1, keywordsChanged: 0 });
      expect(await topicRows(db, "s2")).toEqual(["s2 3d"]);
      expect(await topicRows(db, "s3")).toEqual([]);
    });
  });

  describe("loaders", () => {
    // 2025-01: four papers, 2025-02: two. Shares are computed by hand below.
    const sharePapers = [
      paper("m1", { dailyDate: "2025-01-05", organization: org("org-a"), topics: ["llm", "rl"] }),
      paper("m2", { dailyDate: "2025-01-20", organization: org("org-b"), topics: ["llm"] }),
      paper("m3", { dailyDate: "2025-01-21", topics: [] }),
      paper("m4", { dailyDate: "2025-01-31", organization: org("org-a"), topics: ["rl", "retired-topic"] }),
      paper("m5", { dailyDate: "2025-02-01", organization: org("org-a"), topics: ["llm"] }),
      paper("m6", { dailyDate: "2025-02-14", organization: org("org-b"), topics: [] }),
    ];
    const range = { from: "2025-01-01", to: "2025-02-28" };

    it("stores the catalogue and lists topics with paper counts, zeros and retired topics too", async () => {
      const db = getDb();
      await store(db, sharePapers, "2025-03-01T00:00:00Z");
      await saveTopicCatalog(db, [
        { slug: "video", label: "Video", description: "Moving pictures." },
        { slug: "llm", label: "Language models", description: "Text in, text out." },
        { slug: "rl", label: "Reinforcement learning", description: "Rewards." },
      ]);
      // Saving again with a changed label and one topic dropped keeps the table in step.
      await saveTopicCatalog(db, [
        { slug: "llm", label: "LLMs", description: "Text in, text out." },
        { slug: "rl", label: "Reinforcement learning", description: "Rewards." },
        { slug: "video", label: "Video", description: "Moving pictures." },
      ]);
      const topics = await listTopics(db, { orgs: [], ...range });
      expect(topics.filter((t) => ["llm", "rl", "video", "retired-topic"].includes(t.slug))).toEqual([
        { slug: "llm", label: "LLMs", description: "Text in, text out.", papers: 3 },
        { slug: "rl", label: "Reinforcement learning", description: "Rewards.", papers: 2 },
        { slug: "video", label: "Video", description: "Moving pictures.", papers: 0 },
        { slug: "retired-topic", label: "retired-topic", description: null, papers: 1 },
      ]);
      const ofOrgA = await listTopics(db, { orgs: ["org-a"], ...range, topics: ["video"] });
      expect(ofOrgA.find((t) => t.slug === "llm")?.papers).toBe(2);
    });

    it("gives each topic's share of each month's papers", async () => {
      const shares = await getTopicShares(getDb(), { orgs: [], ...range });
      expect(shares.periods).toEqual([
        { period: "2025-01-01", papers: 4 },
        { period: "2025-02-01", papers: 2 },
      ]);
      expect(shares.topics).toEqual(["llm", "rl", "retired-topic"]);
      const pick = (period: string, topic: string) =>
        shares.rows.find((row) => row.period === period && row.topic === topic);
      expect(pick("2025-01-01", "llm")).toEqual({
        period: "2025-01-01",
        topic: "llm",
        papers: 2,
        share: 0.5,
      });
      expect(pick("2025-01-01", "rl")).toMatchObject({ papers: 2, share: 0.5 });
      expect(pick("2025-02-01", "llm")).toMatchObject({ papers: 1, share: 0.5 });
      expect(pick("2025-02-01", "rl")).toMatchObject({ papers: 0, share: 0 });
      expect(shares.rows).toHaveLength(6);
    });

    it("filters shares by organisation and picks topics with the topic filter", async () => {
      const ofOrgA = await getTopicShares(getDb(), { orgs: ["org-a"], ...range });
      expect(ofOrgA.periods).toEqual([
        { period: "2025-01-01", papers: 2 },
        { period: "2025-02-01", papers: 1 },
      ]);
      const rl = ofOrgA.rows
        .filter((row) => row.topic === "rl")
        .map((row) => [row.period, row.papers, row.share]);
      expect(rl).toEqual([
        ["2025-01-01", 2, 1],
        ["2025-02-01", 0, 0],
      ]);
      const onlyLlm = await getTopicShares(getDb(), { orgs: [], ...range, topics: ["llm"] });
      expect(onlyLlm.topics).toEqual(["llm"]);
      expect(onlyLlm.periods[0]?.papers).toBe(4);
      // Two topics compared: one line each, over the same papers (the topics pick lines, not papers).
      const two = await getTopicShares(getDb(), { orgs: [], ...range, topics: ["rl", "llm"] });
      expect(two.topics).toEqual(["llm", "rl"]);
      expect(two.periods).toEqual(onlyLlm.periods);
      expect(two.rows.filter((row) => row.topic === "rl").map((row) => row.papers)).toEqual([2, 0]);
      const empty = await getTopicShares(getDb(), { orgs: ["no-such-org"], ...range });
      expect(empty).toEqual({ periods: [], topics: [], rows: [] });
    });

    // Current window 2024-06-01..06-30 (six papers), previous 2024-05-02..05-31 (three papers), one paper before both.
    const current = (n: number, keywords: string[], extra: Partial<CapturedPaper> = {}) =>
      paper(`k-c${n}`, { dailyDate: `2024-06-0${n}`, keywords, ...extra });
    const previous = (n: number, keywords: string[], extra: Partial<CapturedPaper> = {}) =>
      paper(`k-p${n}`, { dailyDate: `2024-05-1${n}`, keywords, ...extra });
    const risingPapers = [
      current(1, ["alpha", "beta", "epsilon"], { organization: org("org-x") }),
      current(2, ["alpha", "beta", "epsilon"], { organization: org("org-x") }),
      current(3, ["alpha", "beta", "epsilon"], { organization: org("org-x") }),
      current(4, ["beta", "delta", "epsilon"]),
      current(5, ["gamma", "delta", "epsilon"]),
      current(6, ["gamma", "delta", "epsilon"]),
      previous(1, ["alpha", "beta", "epsilon"], { organization: org("org-x") }),
      previous(2, ["beta"]),
      previous(3, ["beta"]),
      paper("k-old", { dailyDate: "2024-04-01", keywords: ["alpha", "delta"] }),
    ];

    it("lists rising keywords by share growth against the previous window, with a minimum count", async () => {
      const db = getDb();
      await store(db, risingPapers, "2024-07-01T00:00:00Z");
      const rising = await listRisingKeywords(db, { orgs: [], from: "2024-06-01", to: "2024-06-30" });
      expect(rising.current).toEqual({ from: "2024-06-01", to: "2024-06-30", papers: 6 });
      expect(rising.previous).toEqual({ from: "2024-05-02", to: "2024-05-31", papers: 3 });
      // delta: 3 of 6 now, none before (new); epsilon: 6/6 vs 1/3; alpha: 3/6 vs 1/3. beta fell (4/6 vs 3/3),
      // gamma has 2 papers (< 3). Ranked by smoothed share ratio: delta (4/7)/(1/4), epsilon 1/(2/4), alpha (4/7)/(2/4).
      expect(rising.keywords).toEqual([
        { keyword: "delta", papers: 3, share: 0.5, previousPapers: 0, previousShare: 0, growth: null },
        { keyword: "epsilon", papers: 6, share: 1, previousPapers: 1, previousShare: 1 / 3, growth: 2 },
        { keyword: "alpha", papers: 3, share: 0.5, previousPapers: 1, previousShare: 1 / 3, growth: 0.5 },
      ]);
      const withTwo = await listRisingKeywords(
        db,
        { orgs: [], from: "2024-06-01", to: "2024-06-30" },
        { minCount: 2, limit: 2 },
      );
      expect(withTwo.keywords.map((k) => k.keyword)).toEqual(["delta", "epsilon"]);
    });

    it("narrows both windows by the other filters and defaults the window to the period", async () => {
      const db = getDb();
      const ofOrgX = await listRisingKeywords(db, { orgs: ["org-x"], from: "2024-06-01", to: "2024-06-30" });
      expect([ofOrgX.current.papers, ofOrgX.previous.papers]).toEqual([3, 1]);
      // alpha and epsilon hold 3/3 now and 1/1 before: no rise.
      expect(ofOrgX.keywords).toEqual([]);
      const byPeriod = await listRisingKeywords(db, { orgs: [], to: "2024-06-30" }, { period: "month" });
      expect(byPeriod.current.from).toBe("2024-05-31");
      expect(byPeriod.previous).toMatchObject({ from: "2024-04-30", to: "2024-05-30" });
    });
  });
});

describe("windowStart", () => {
  it.each([
    ["2024-06-15", "week", "2024-06-09"],
    ["2024-03-31", "month", "2024-03-01"],
    ["2024-06-30", "month", "2024-05-31"],
    ["2024-06-30", "quarter", "2024-03-31"],
  ] as const)("%s, %s → %s", (to, period, from) => {
    expect(windowStart(to, period)).toBe(from);
  });
});
