import { sql } from "drizzle-orm";
import type { Db } from "../src/types.ts";
import type { Capture } from "../src/write/capture.ts";
import { finishRun, startRun } from "../src/write/runs.ts";
import { saveCapture } from "../src/write/save-capture.ts";

/** Empties every data table, then stores the captures in order as one succeeded run, through the real write path. */
export async function storeFresh(db: Db, captures: readonly Capture[]): Promise<void> {
  await db.execute(
    sql`truncate paper_snapshots, paper_authors, paper_texts, paper_keywords, paper_topics, papers, organizations,
      scrape_pages, scrape_runs, daily_stats, period_stats, topic_day_stats, org_stats cascade`,
  );
  const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
  for (const [index, capture] of captures.entries()) {
    await saveCapture(db, {
      runId: run.id,
      page: { url: `file:///capture-${index}.json`, kind: "file" },
      capture,
    });
  }
  await finishRun(db, run.id, { status: "succeeded" });
}
