import {
  countPapers,
  type Db,
  finishRun,
  listPaperTexts,
  type PaperTopicsInput,
  saveRetopicBatch,
  saveTopicCatalog,
  startRun,
} from "@paperpulse/db";
import type { RunTrigger } from "@paperpulse/schema";
import type { ProgressListener } from "../run/summary.ts";
import { tidy } from "../run/tidy.ts";
import { createTopicMatcher } from "./match-topics.ts";
import { normalizeKeywords } from "./normalize-keyword.ts";
import { taxonomy as reviewedTaxonomy } from "./taxonomy.ts";
import type { TopicDefinition } from "./topic-definition.ts";

export type RetopicOptions = {
  /** The taxonomy to apply (default: the reviewed one); tests inject their own. */
  taxonomy?: readonly TopicDefinition[];
  /** Papers per transaction (default 500). */
  batchSize?: number;
  trigger?: RunTrigger;
  command?: string;
  onProgress?: ProgressListener;
};

export type RetopicSummary = {
  runId: number;
  command: string;
  status: "succeeded" | "failed";
  /** Papers whose topics and keywords were recomputed. */
  papers: number;
  /** Papers whose set of topics changed. */
  topicsChanged: number;
  /** Papers whose set of keywords changed. */
  keywordsChanged: number;
  durationMs: number;
  errorCode: string | null;
  error: string | null;
};

/**
 * Recomputes the topics and keywords of every stored paper from its stored text, after the taxonomy or the
 * keyword rules changed, and brings the topic catalogue in step. Recorded as a run (so it never overlaps a scrape
 * or import: one run at a time); each batch commits with the run's item count, so an interrupted retopic leaves
 * finished batches in place and a second one completes the job.
 */
export async function retopicPapers(db: Db, options: RetopicOptions = {}): Promise<RetopicSummary> {
  const started = performance.now();
  const taxonomy = options.taxonomy ?? reviewedTaxonomy;
  const matcher = createTopicMatcher(taxonomy);
  const batchSize = options.batchSize ?? 500;
  const command = options.command ?? "retopic";
  const { id: runId } = await startRun(db, {
    trigger: options.trigger ?? "cli",
    command,
    plan: { retopic: true, topics: matcher.slugs, batchSize },
  });
  const summary: RetopicSummary = {
    runId,
    command,
    status: "succeeded",
    papers: 0,
    topicsChanged: 0,
    keywordsChanged: 0,
    durationMs: 0,
    errorCode: null,
    error: null,
  };
  try {
    await saveTopicCatalog(db, taxonomy);
    const total = await countPapers(db);
    const batches = Math.max(1, Math.ceil(total / batchSize));
    let afterId: string | undefined;
    for (let done = 0; ; done++) {
      options.onProgress?.({
        done,
        total: batches,
        label: `retopic: ${summary.papers.toLocaleString("en")} of ${total.toLocaleString("en")} papers, ${summary.topicsChanged.toLocaleString("en")} changed topics`,
        items: summary.papers,
        newPapers: 0,
      });
      const texts = await listPaperTexts(db, {
        ...(afterId === undefined ? {} : { afterId }),
        limit: batchSize,
      });
      if (texts.length === 0) break;
      const batch: PaperTopicsInput[] = texts.map((paper) => ({
        ...paper,
        topics: matcher.match({ title: paper.title, summary: paper.summary, keywords: paper.aiKeywords }),
        keywords: normalizeKeywords(paper.aiKeywords),
      }));
      const result = await saveRetopicBatch(db, runId, batch);
      summary.papers += batch.length;
      summary.topicsChanged += result.topicsChanged;
      summary.keywordsChanged += result.keywordsChanged;
      afterId = texts.at(-1)?.id;
    }
  } catch (error) {
    summary.status = "failed";
    summary.errorCode = "RETOPIC_FAILED";
    summary.error = error instanceof Error ? error.message : String(error);
  }
  await finishRun(db, runId, {
    status: summary.status,
    ...(summary.error === null
      ? {}
      : { error: summary.error, errorCode: summary.errorCode ?? "RETOPIC_FAILED" }),
  });
  if (summary.topicsChanged + summary.keywordsChanged > 0) await tidy(db);
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}

/** The CLI's lines and exit status for a retopic (the summary is the --json line). */
export function describeRetopic(summary: RetopicSummary): {
  exitCode: number;
  text: string[];
  json: unknown;
} {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const text = [
    `run #${summary.runId} ${summary.status}: ${summary.papers.toLocaleString("en")} papers recomputed, ` +
      `${summary.topicsChanged.toLocaleString("en")} changed topics, ` +
      `${summary.keywordsChanged.toLocaleString("en")} changed keywords in ${seconds} s`,
    ...(summary.error ? [`  stopped: ${summary.errorCode} ${summary.error}`] : []),
  ];
  return { exitCode: summary.status === "succeeded" ? 0 : 1, text, json: summary };
}
