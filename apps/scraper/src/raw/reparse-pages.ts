import { type Db, listPagesForReparse } from "@paperpulse/db";
import { ParseError } from "../parse/index.ts";
import { type BodyKind, detectBodyKind, parseBody } from "../run/parse-body.ts";
import { beginRun } from "../run/run-recorder.ts";
import type { ProgressListener, RunSummary } from "../run/summary.ts";
import { isTrendingUrl } from "../sources/targets.ts";
import { readRaw } from "./raw-store.ts";

export type ReparseOptions = {
  dir: string;
  /** Every kept page, not only those that failed to parse. */
  all: boolean;
  runId?: number | undefined;
  onProgress?: ProgressListener;
};

export type ReparseResult = { considered: number; missing: number; run: RunSummary | null };

/**
 * Parses kept raw pages again (after a parser fix) and stores what now parses, with each page's original capture
 * time and listing date: nothing is fetched. Stored data only grows: a capture already stored changes nothing.
 */
export async function reparsePages(db: Db, options: ReparseOptions): Promise<ReparseResult> {
  const pages = await listPagesForReparse(db, { all: options.all, runId: options.runId });
  const bodies = new Map<string, string>();
  for (const page of pages) {
    const hash = page.contentHash ?? "";
    if (!bodies.has(hash)) {
      const body = await readRaw(options.dir, hash);
      if (body !== null) bodies.set(hash, body);
    }
  }
  const available = pages.filter((page) => bodies.has(page.contentHash ?? ""));
  const result: ReparseResult = {
    considered: pages.length,
    missing: pages.length - available.length,
    run: null,
  };
  if (available.length === 0) return result;
  const run = await beginRun(
    db,
    {
      trigger: "cli",
      command: `reparse${options.all ? " --all" : ""}`,
      plan: { pages: available.map((p) => p.id) },
    },
    options.onProgress,
  );
  for (const page of available) {
    run.step(page.url, available.length);
    const body = bodies.get(page.contentHash ?? "") ?? "";
    const info = {
      url: page.url,
      kind: page.kind,
      bytes: page.bytes,
      contentHash: page.contentHash,
      rendered: page.rendered,
    };
    try {
      const parsed = parseBody(kindOf(page.kind, page.url, body), body);
      await run.savePage(info, {
        capturedAt: page.capturedAt,
        listingDate: page.listingDate ?? parsed.listingDate,
        ...(isTrendingUrl(page.url) ? { trending: true } : {}),
        papers: parsed.papers,
      });
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      await run.failPage({
        ...info,
        listingDate: page.listingDate,
        capturedAt: page.capturedAt,
        errorCode: error.code,
        error: error.message,
      });
    }
  }
  result.run = await run.finish();
  return result;
}

function kindOf(kind: "page" | "api" | "file", url: string, body: string): BodyKind {
  return kind === "file" ? detectBodyKind(decodeURIComponent(url), body) : kind;
}
