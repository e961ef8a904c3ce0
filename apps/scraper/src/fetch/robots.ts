import robotsParser from "robots-parser";

/** What robots.txt lets us do on one origin. */
export type RobotsRules = {
  /** `file`: rules read from robots.txt; `missing`: 4xx, crawl anything; `unavailable`: crawl nothing. */
  source: "file" | "missing" | "unavailable";
  /** Why robots.txt is unavailable (HTTP status or network error), for the run's error message. */
  reason?: string;
  isAllowed: (url: URL) => boolean;
  /** Crawl-delay for our User-Agent group (or `*`), as a minimum gap between requests. */
  crawlDelayMs: number;
};

export type RobotsCacheOptions = {
  /** How long rules read from robots.txt (or its absence) are trusted. Default 1 hour. */
  ttlMs?: number;
};

export type RobotsCache = {
  /**
   * The rules for `origin` as seen by `userAgent`: cached ones while fresh, else `fetchRules()` (one fetch even when
   * several fetchers ask at once). An `unavailable` answer is handed to those who waited for it but not kept:
   * the next run asks again.
   */
  load: (origin: string, userAgent: string, fetchRules: () => Promise<RobotsRules>) => Promise<RobotsRules>;
};

// RFC 9309 §2.5: crawlers must parse at least the first 500 KiB; anything past that is ignored.
const MAX_ROBOTS_BYTES = 500 * 1024;

/** Rules from a robots.txt body, matched against the product token of `userAgent` (e.g. `Paperpulse`). */
export function parseRobotsTxt(robotsUrl: string, body: string, userAgent: string): RobotsRules {
  const robots = robotsParser(robotsUrl, body.slice(0, MAX_ROBOTS_BYTES));
  const delaySeconds = robots.getCrawlDelay(userAgent);
  return {
    source: "file",
    // undefined means the URL is not on robots.txt's origin: never crawl what the rules cannot vouch for.
    isAllowed: (url) => robots.isAllowed(url.href, userAgent) === true,
    crawlDelayMs:
      typeof delaySeconds === "number" && Number.isFinite(delaySeconds) && delaySeconds > 0
        ? delaySeconds * 1000
        : 0,
  };
}

/** RFC 9309 §2.3.1.3: a robots.txt that is "unavailable" (4xx) puts no restriction on crawling. */
export const robotsMissing: RobotsRules = { source: "missing", isAllowed: () => true, crawlDelayMs: 0 };

/**
 * RFC 9309 §2.3.1.4: when robots.txt is "unreachable" (5xx, network error) the crawler must assume complete
 * disallow. We do so for the rest of the run and ask again on the next run.
 */
export function robotsUnavailable(reason: string): RobotsRules {
  return { source: "unavailable", reason, isAllowed: () => false, crawlDelayMs: 0 };
}

export function createRobotsCache(options: RobotsCacheOptions = {}): RobotsCache {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const entries = new Map<string, { rules: Promise<RobotsRules>; expires: number }>();
  return {
    load(origin, userAgent, fetchRules) {
      const key = `${origin} ${userAgent.split("/")[0]?.trim().toLowerCase()}`;
      const cached = entries.get(key);
      if (cached && cached.expires > performance.now()) return cached.rules;
      const rules = fetchRules();
      const entry = { rules, expires: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      rules.then(
        (loaded) => {
          if (loaded.source !== "unavailable") entry.expires = performance.now() + ttlMs;
          else if (entries.get(key) === entry) entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return rules;
    },
  };
}

let shared: RobotsCache | undefined;

/** The process-wide cache fetchers use unless given one: robots.txt is fetched once an hour per origin. */
export function sharedRobotsCache(): RobotsCache {
  shared ??= createRobotsCache();
  return shared;
}
