import {
  type CapturedPaper,
  finishRun,
  listRuns,
  listTopics,
  RunActiveError,
  saveCapture,
  startRun,
} from "@paperpulse/db";
import { describeEachDatabase } from "@paperpulse/db/testing";
import { paperKeywords, paperTopics } from "@paperpulse/schema";
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Progress } from "../run/summary.ts";
import { classifyPaper, syncTopicCatalog } from "./index.ts";
import { createTopicMatcher } from "./match-topics.ts";
import { retopicPapers } from "./retopic.ts";
import { taxonomy } from "./taxonomy.ts";
import type { TopicDefinition } from "./topic-definition.ts";

// Two versions of a small taxonomy: B renames "beta" to "delta" and teaches "alpha" a new word.
const taxonomyA: TopicDefinition[] = [
  { slug: "alpha", label: "Alpha", description: "Alpha things.", terms: ["alpha"] },
  { slug: "beta", label: "Beta", description: "Beta things.", terms: ["beta"] },
];
const taxonomyB: TopicDefinition[] = [
  { slug: "alpha", label: "Alpha, renamed", description: "Alpha things.", terms: ["alpha", "gamma"] },
  { slug: "delta", label: "Delta", description: "What beta was.", terms: ["beta"] },
];

// Synthetic papers, classified with taxonomy A as the normaliser would have at the time.
function paper(id: string, title: string, aiKeywords: string[] | null = null): CapturedPaper {
  const base: CapturedPaper = {
    id,
    title,
    summary: `An invented abstract for ${id}.`,
    publishedAt: null,
    dailyDate: "2025-06-02",
    organization: null,
    submittedBy: null,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    aiKeywords,
    upvotes: 1,
    comments: 0,
    authors: [],
    authorCount: 0,
    rank: 1,
  };
  return {
    ...base,
    ...classifyPaper({ title, summary: base.summary, keywords: aiKeywords }, createTopicMatcher(taxonomyA)),
  };
}

const papers = [
  paper("2506.00001", "An alpha study"),
  paper("2506.00002", "A beta study"),
  paper("2506.00003", "A gamma study"),
  paper("2506.00004", "A plain study", ["LLMs", "Diffusion Models"]),
];

describeEachDatabase("retopic", (getDb) => {
  it("recomputes every paper's topics after the taxonomy changed, as a recorded run", async () => {
    const db = getDb();
    const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
    await saveCapture(db, {
      runId: run.id,
      page: { url: "file:///synthetic.json", kind: "file" },
      capture: { capturedAt: new Date("2025-06-03T00:00:00Z"), listingDate: null, papers },
    });
    await finishRun(db, run.id, { status: "succeeded" });
    // A keyword row as an older rule version left it.
    await db
      .update(paperKeywords)
      .set({ keywords: ["stale"] })
      .where(eq(paperKeywords.paperId, "2506.00004"));

    const progress: Progress[] = [];
    const summary = await retopicPapers(db, {
      taxonomy: taxonomyB,
      batchSize: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toMatchObject({
      command: "retopic",
      status: "succeeded",
      papers: 4,
      topicsChanged: 2, // beta → delta, gamma → alpha
      keywordsChanged: 1,
      error: null,
    });
    const rows = await db
      .select()
      .from(paperTopics)
      .orderBy(asc(paperTopics.paperId), asc(paperTopics.topic));
    expect(rows.map((r) => `${r.paperId} ${r.topic}`)).toEqual([
      "2506.00001 alpha",
      "2506.00002 delta",
      "2506.00003 alpha",
    ]);
    const [keywords] = await db.select().from(paperKeywords).where(eq(paperKeywords.paperId, "2506.00004"));
    expect(keywords?.keywords).toEqual(["large language model", "diffusion model"]);
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2, items: 4 });

    // The catalogue follows the taxonomy: labels for the dashboard, the dropped topic gone.
    const topics = await listTopics(db);
    expect(topics.map((t) => [t.slug, t.label, t.papers])).toEqual([
      ["alpha", "Alpha, renamed", 2],
      ["delta", "Delta", 1],
    ]);
    const [latest] = await listRuns(db, 1);
    expect(latest).toMatchObject({
      id: summary.runId,
      command: "retopic",
      trigger: "cli",
      status: "succeeded",
      items: 4,
    });
  });

  it("changes nothing the second time", async () => {
    const summary = await retopicPapers(getDb(), { taxonomy: taxonomyB });
    expect(summary).toMatchObject({ status: "succeeded", papers: 4, topicsChanged: 0, keywordsChanged: 0 });
  });

  it("syncs the catalogue with the reviewed taxonomy, keeping topics papers still carry listed", async () => {
    await syncTopicCatalog(getDb());
    const topics = await listTopics(getDb());
    expect(topics.slice(0, taxonomy.length).map((t) => [t.slug, t.label])).toEqual(
      taxonomy.map((t) => [t.slug, t.label]),
    );
    expect(topics.slice(taxonomy.length).map((t) => [t.slug, t.label, t.description])).toEqual([
      ["alpha", "alpha", null],
      ["delta", "delta", null],
    ]);
  });

  it("waits its turn: another running run refuses it", async () => {
    const db = getDb();
    const other = await startRun(db, { trigger: "cli", command: "other", plan: {} });
    await expect(retopicPapers(db, { taxonomy: taxonomyB })).rejects.toBeInstanceOf(RunActiveError);
    await finishRun(db, other.id, { status: "succeeded" });
  });
});
