import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase } from "../testing/index.ts";
import type { Db } from "../types.ts";
import { finishRun, startRun } from "../write/runs.ts";
import { saveCapture } from "../write/save-capture.ts";
import { getOrgCoverage } from "./get-org-coverage.ts";

// Three days: before organisations were named (two papers without), then one paper with and one without.
const lab = { name: "coverage-lab", fullname: null, avatar: null };
const papers = [
  capturedPaper("2509.00001", 5, { dailyDate: "2025-09-30", title: "Diffusion before" }),
  capturedPaper("2510.00001", 5, { dailyDate: "2025-10-01" }),
  capturedPaper("2510.00301", 5, { dailyDate: "2025-10-03", organization: lab, title: "Diffusion named" }),
  capturedPaper("2510.00302", 1, { dailyDate: "2025-10-03" }),
];

async function seed(db: Db) {
  await db.execute(
    sql`truncate paper_snapshots, paper_authors, paper_texts, papers, organizations, scrape_pages, scrape_runs,
      daily_stats, period_stats, topic_day_stats, org_stats cascade`,
  );
  const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
  await saveCapture(db, {
    runId: run.id,
    page: { url: "file:///coverage.json", kind: "file" },
    capture: { capturedAt: new Date("2025-10-04T00:00:00Z"), listingDate: null, papers },
  });
  await finishRun(db, run.id, { status: "succeeded" });
}

describeEachDatabase("organisation coverage", (getDb) => {
  beforeAll(async () => seed(getDb()));

  it("finds the first day naming an organisation and counts the matching papers naming none", async () => {
    expect(await getOrgCoverage(getDb(), { orgs: [] })).toEqual({
      namedSince: "2025-10-03",
      papers: 4,
      unnamed: 3,
    });
    // The organisation filter itself is left out of the counts: they say what it cannot match.
    expect(await getOrgCoverage(getDb(), { orgs: ["coverage-lab"], from: "2025-10-02" })).toEqual({
      namedSince: "2025-10-03",
      papers: 2,
      unnamed: 1,
    });
    // Other filters count from the papers themselves.
    expect(await getOrgCoverage(getDb(), { orgs: [], q: "diffusion" })).toEqual({
      namedSince: "2025-10-03",
      papers: 2,
      unnamed: 1,
    });
    expect(await getOrgCoverage(getDb(), { orgs: [], minUpvotes: 2, to: "2025-10-01" })).toMatchObject({
      papers: 2,
      unnamed: 2,
    });
  });
});
