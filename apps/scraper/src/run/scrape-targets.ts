import type { Db } from "@paperpulse/db";
import type { RunTrigger } from "@paperpulse/schema";
import {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
  type FetchResult,
  USER_AGENT,
} from "../fetch/create-fetcher.ts";
import { FetchError } from "../fetch/errors.ts";
import { sharedRateLimiter } from "../fetch/rate-limiter.ts";
import { ParseError } from "../parse/index.ts";
import { keepConditional, readConditional } from "../raw/conditional-store.ts";
import { hashBody, keepRaw } from "../raw/raw-store.ts";
import { RenderError, type RenderOptions, renderListing } from "../render/render-listing.ts";
import {
  API_PAGE_SIZE,
  apiPath,
  countDays,
  describeTarget,
  listDays,
  listingDateOf,
  listingPagePath,
  listingRange,
  type SourceKind,
  type Target,
} from "../sources/targets.ts";
import { countOtherProcessesRequests } from "./count-other-requests.ts";
import { type ParsedBody, parseBody } from "./parse-body.ts";
import { beginRun, type RunRecorder } from "./run-recorder.ts";
import { StorageFullError } from "./storage-full.ts";
import type { ProgressListener, RunSummary } from "./summary.ts";

export type ScrapeOptions = {
  source: SourceKind;
  trigger: RunTrigger;
  command: string;
  fetcher: FetcherOptions;
  /** Bound on API pages per listing (a month holds a few hundred papers: 100 per page). */
  maxApiPages?: number;
  onProgress?: ProgressListener;
  /** Called once the run is recorded as running, before any request: callers that must not wait learn its id. */
  onStart?: (runId: number) => void;
  /** Where raw bodies are kept: failed ones always, every one with recordAll (`--record DIR`). */
  raw?: { dir: string; recordAll: boolean };
  /** Headless Chromium for listing pages rendered client-side; default "never" in the library, "auto" in the CLI. */
  render?: RenderOptions;
  now?: () => Date;
};

// Errors that end the whole run rather than one page: more requests would break the same promise.
const RUN_STOPPERS = new Set(["BUDGET_EXHAUSTED", "BAD_URL", "RATE_LIMITED", "ROBOTS_UNAVAILABLE"]);

/** Fetches each target's listing from Hugging Face, stores what parses, records every page. */
export async function scrapeTargets(db: Db, targets: Target[], options: ScrapeOptions): Promise<RunSummary> {
  // Built first: a bad base URL is refused before any run is recorded.
  const fetcher = createFetcher(options.fetcher);
  let run: RunRecorder;
  try {
    run = await beginRun(
      db,
      {
        trigger: options.trigger,
        command: options.command,
        plan: {
          source: options.source,
          targets: targets.map(describeTarget),
          baseUrl: options.fetcher.baseUrl,
        },
      },
      options.onProgress,
      { snapshotOncePerPaper: true },
    );
  } catch (error) {
    await fetcher.close();
    throw error;
  }
  options.onStart?.(run.runId);
  let stop: FetchError | undefined;
  try {
    await countOtherProcessesRequests(
      db,
      options.fetcher.rateLimiter ?? sharedRateLimiter(options.fetcher.limits),
    );
    for (const target of targets) {
      run.step(describeTarget(target), targets.length);
      try {
        if (options.source === "api") await scrapeApi(run, target, fetcher, options);
        else await scrapePage(run, target, fetcher, options);
      } catch (error) {
        if (error instanceof FetchError && RUN_STOPPERS.has(error.code)) {
          stop = error;
          break;
        }
        throw error;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errorCode = error instanceof StorageFullError ? error.code : "INTERNAL";
    return run.finish({
      requests: fetcher.requestsMade,
      days: countDays(targets),
      errorCode,
      error: message,
    });
  } finally {
    await fetcher.close();
  }
  return run.finish({
    requests: fetcher.requestsMade,
    days: countDays(targets),
    ...(stop ? { errorCode: stop.code, error: stop.message } : {}),
  });
}

async function scrapePage(run: RunRecorder, target: Target, fetcher: Fetcher, options: ScrapeOptions) {
  const path = listingPagePath(target);
  // A week or month listing page shows a selection of its papers: it counts for no day.
  const covers = { date: listingDateOf(target), end: null, trending: target.kind === "trending" };
  await captureOne(run, "page", path, covers, fetcher, options);
}

async function scrapeApi(run: RunRecorder, target: Target, fetcher: Fetcher, options: ScrapeOptions) {
  // Every API page of one listing shares one capture time, so a paper that shifts between pages while we page
  // still gets exactly one snapshot.
  const capturedAt = (options.now ?? (() => new Date()))();
  const range = listingRange(target, capturedAt.toISOString().slice(0, 10));
  const trending = target.kind === "trending";
  const listing = range
    ? { date: range.from, end: range.to, trending }
    : { date: listingDateOf(target), end: null, trending };
  const maxPages = options.maxApiPages ?? 20;
  const seen = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const ids = await captureOne(run, "api", apiPath(target, page), listing, fetcher, options, capturedAt);
    if (ids === "undated" && range) {
      // A week or month listing whose papers do not say their day cannot file them: its days one by one do.
      for (const value of listDays(range.from, range.to))
        await scrapeApi(run, { kind: "date", value }, fetcher, options);
      return;
    }
    if (ids === null || ids === "undated" || ids.length === 0) return; // failed, or past the last page
    // A server that ignores `p` would hand back the same page forever: stop when a page brings nothing new.
    const fresh = ids.filter((id) => !seen.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) seen.add(id);
    // A page shorter than the limit asked for is the last: asking for the next one would only bring an empty page.
    if (ids.length < API_PAGE_SIZE) return;
  }
}

/**
 * Fetches, parses and stores one page; returns its paper ids, or null when the page failed (and was recorded), or
 * "undated" when a range listing (`listing.end` set) held papers without their day (recorded as failed).
 */
async function captureOne(
  run: RunRecorder,
  kind: "page" | "api",
  path: string,
  /** The days the listing counts for; trending: its order is kept, as it has no day. */
  covers: { date: string | null; end: string | null; trending: boolean },
  fetcher: Fetcher,
  options: ScrapeOptions,
  capturedAtForAll?: Date,
): Promise<string[] | null | "undated"> {
  const targetDate = covers.date;
  const listingEnd = covers.end;
  const capturedAt = capturedAtForAll ?? (options.now ?? (() => new Date()))();
  const url = new URL(path, options.fetcher.baseUrl).href;
  // API listings go conditional when the last fetch of the URL came with validators: an unchanged listing then
  // costs a "304 Not Modified" with no body, stored as a capture of the body kept from last time.
  const conditionalDir = kind === "api" ? options.raw?.dir : undefined;
  const previous = conditionalDir ? await readConditional(conditionalDir, url) : null;
  let fetched: FetchResult;
  try {
    fetched = await fetcher.fetchText(path, previous?.validators);
    if (fetched.status === 304) {
      if (!previous)
        throw new FetchError(
          "HTTP_STATUS",
          `HTTP 304 from ${url} to a request that was not conditional`,
          url,
          304,
        );
      fetched = {
        ...fetched,
        body: previous.body,
        etag: previous.validators.etag,
        lastModified: previous.validators.lastModified,
      };
    }
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    await run.failPage({
      url,
      kind,
      listingDate: targetDate,
      listingEnd,
      capturedAt,
      errorCode: error.code,
      error: error.message,
      statusCode: error.status,
    });
    if (RUN_STOPPERS.has(error.code)) throw error;
    return null;
  }
  const listing = await parseFetched(kind, url, fetched.body, fetcher, options);
  const pageInfo = {
    url: fetched.url,
    kind,
    statusCode: fetched.status,
    durationMs: fetched.durationMs,
    bytes: fetched.bytes,
    contentHash: listing.contentHash,
    rendered: listing.rendered,
  } as const;
  if (options.raw && (options.raw.recordAll || "error" in listing)) {
    // Failed pages are always kept, so `pnpm scrape reparse` can read them again after a parser fix.
    await keepRaw(options.raw.dir, listing.contentHash, listing.body);
  }
  if ("error" in listing) {
    await run.failPage({
      ...pageInfo,
      listingDate: targetDate,
      listingEnd,
      capturedAt,
      errorCode: listing.error.code,
      error: listing.error.message,
    });
    return null;
  }
  const undated = listingEnd ? listing.parsed.papers.filter((paper) => paper.dailyDate === null).length : 0;
  if (conditionalDir && fetched.status !== 304 && (fetched.etag || fetched.lastModified)) {
    await keepConditional(conditionalDir, url, {
      validators: { etag: fetched.etag, lastModified: fetched.lastModified },
      body: listing.body,
    });
  }
  if (undated > 0) {
    await run.failPage({
      ...pageInfo,
      listingDate: targetDate,
      listingEnd,
      capturedAt,
      errorCode: "UNDATED",
      error: `${undated} of its ${listing.parsed.papers.length} papers carry no submittedOnDailyAt: fetched day by day instead`,
    });
    return "undated";
  }
  try {
    await run.savePage(pageInfo, {
      capturedAt,
      listingDate: targetDate ?? listing.parsed.listingDate,
      listingEnd,
      ...(covers.trending ? { trending: true } : {}),
      papers: listing.parsed.papers,
    });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    await run.failPage({
      ...pageInfo,
      listingDate: targetDate,
      listingEnd,
      capturedAt,
      errorCode: error.code,
      error: error.message,
    });
    return null;
  }
  return listing.parsed.papers.map((paper) => paper.id);
}

type FetchedListing = { body: string; contentHash: string; rendered: boolean } & (
  | { parsed: ParsedBody }
  | { error: { code: string; message: string } }
);

/**
 * Parses a fetched body; a listing page that holds neither the payload nor cards (say the site moved to
 * client-side rendering), or every page with render mode "always", is loaded in headless Chromium and its DOM
 * parsed by the same parser. The hash and body returned are those of what was parsed.
 */
async function parseFetched(
  kind: "page" | "api",
  url: string,
  fetchedBody: string,
  fetcher: Fetcher,
  options: ScrapeOptions,
): Promise<FetchedListing> {
  const mode = kind === "page" ? (options.render?.mode ?? "never") : "never";
  let body = fetchedBody;
  let rendered = false;
  const render = async () => {
    body = await renderListing(
      url,
      { ...(options.render ?? { mode }), userAgent: USER_AGENT },
      { origin: fetcher.origin, acquire: (target) => fetcher.acquire(target) },
    );
    rendered = true;
  };
  try {
    if (mode === "always") await render();
    try {
      return { body, contentHash: hashBody(body), rendered, parsed: parseBody(kind, body) };
    } catch (error) {
      if (!(error instanceof ParseError) || error.code !== "NO_LISTING" || mode !== "auto" || rendered)
        throw error;
      await render();
      return { body, contentHash: hashBody(body), rendered, parsed: parseBody(kind, body) };
    }
  } catch (error) {
    if (!(error instanceof ParseError) && !(error instanceof RenderError)) throw error;
    return {
      body,
      contentHash: hashBody(body),
      rendered,
      error: { code: error.code, message: error.message },
    };
  }
}
