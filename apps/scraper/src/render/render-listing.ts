import { existsSync } from "node:fs";
import type { ScraperEnv } from "../config/env.ts";

export type RenderOptions = {
  /** "auto": render when a page holds neither the payload nor cards; "always": render every listing page. */
  mode: "auto" | "always" | "never";
  chromiumPath?: string;
  timeoutMs?: number;
  userAgent?: string;
};

export type RenderRequest = {
  /** Only requests to this origin leave the browser: no third-party scripts, no way to internal addresses. */
  origin: string;
  /** Counts a request against the run's budget (and checks robots.txt) before the browser sends it. */
  acquire: (url: string) => Promise<void>;
};

export class RenderError extends Error {
  readonly code = "RENDER_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RenderError";
  }
}

// Where Debian and Ubuntu's chromium package puts the browser.
const CHROMIUM_FALLBACK = "/usr/bin/chromium";

/** The browser of parsed variables: PAPERPULSE_CHROMIUM_PATH, else the browser tests' CHROMIUM_PATH. */
export function defaultChromiumPath(
  env: Pick<ScraperEnv, "PAPERPULSE_CHROMIUM_PATH" | "CHROMIUM_PATH">,
): string {
  return env.PAPERPULSE_CHROMIUM_PATH ?? env.CHROMIUM_PATH ?? CHROMIUM_FALLBACK;
}

// Flags that keep a headless Chromium quiet on a machine with no network but the target, and running as root.
// Shared with the dashboard's browser tests and the screenshot script, which run the same Chromium.
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Loads a listing page in headless Chromium and returns the DOM once the paper cards (or the payload) are there,
 * for the same cheerio parser. Images, fonts and media are not fetched: only the markup matters.
 */
export async function renderListing(
  url: string,
  options: RenderOptions,
  request: RenderRequest,
): Promise<string> {
  const executablePath = options.chromiumPath ?? CHROMIUM_FALLBACK;
  if (!existsSync(executablePath)) {
    throw new RenderError(`no Chromium at ${executablePath} (set PAPERPULSE_CHROMIUM_PATH) to render ${url}`);
  }
  const timeout = options.timeoutMs ?? 30_000;
  // Loaded on first use: most runs never render, and the library is large.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout });
  try {
    // Service workers fetch outside the page's routing: none may start.
    const context = await browser.newContext({
      serviceWorkers: "block",
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    });
    const page = await context.newPage();
    // Only the listing's origin is reached, and no images, fonts or media. The listing itself is counted before
    // navigating; documents and data requests the page makes (xhr, fetch) are counted against the budget and checked
    // against robots.txt as they go, and dropped when either says no. Same-origin scripts and stylesheets, the static
    // assets of the page, pass uncounted: counted as page loads, a real page's dozens of chunks would use up the
    // budget of every run that renders.
    let listingCounted = true;
    await page.route("**/*", async (route) => {
      const target = route.request().url();
      const type = route.request().resourceType();
      if (new URL(target).origin !== request.origin || ["image", "font", "media"].includes(type)) {
        return route.abort();
      }
      if (listingCounted && target === url) {
        listingCounted = false;
        return route.continue();
      }
      if (!["document", "xhr", "fetch", "eventsource", "websocket", "other"].includes(type))
        return route.continue();
      const allowed = await request.acquire(target).then(
        () => true,
        () => false,
      );
      return allowed ? route.continue() : route.abort();
    });
    // Redirect hops bypass routing: a hop off the origin fails the render rather than be parsed as the listing.
    let escaped: string | undefined;
    page.on("request", (sent) => {
      if (sent.redirectedFrom() && new URL(sent.url()).origin !== request.origin) escaped ??= sent.url();
    });
    await request.acquire(url);
    await page.goto(url, { timeout, waitUntil: "domcontentloaded" });
    if (escaped) throw new Error(`a redirect led off ${request.origin} to ${escaped}`);
    await page
      .waitForSelector('article h3 a[href*="/papers/"], [data-target="DailyPapers"][data-props]', {
        timeout: Math.min(timeout, 10_000),
      })
      .catch(() => {
        // No cards came: hand back the DOM anyway; the parser says what is missing.
      });
    return await page.content();
  } catch (error) {
    throw new RenderError(
      `rendering ${url} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    await browser.close();
  }
}
