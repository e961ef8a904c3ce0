import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failTimesRoute, robotsRoute, sequenceRoute, statusReply } from "../../testing/fault-routes.ts";
import { testFetcherOptions } from "../../testing/fetcher-test-options.ts";
import { type HfTestServer, type LoggedRequest, startHfTestServer } from "../../testing/hf-test-server.ts";
import { createFetcher, type FetcherOptions, USER_AGENT } from "./create-fetcher.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { createRobotsCache } from "./robots.ts";

// What the server sees of us: robots.txt obeyed, its requests to slow down honoured, our own budget kept.
// Each test has a server of its own, so its log holds only that test's requests.

let server: HfTestServer;
beforeEach(async () => {
  server = await startHfTestServer();
  server.route("/papers/date/2024-08-01", () => ({ body: "day one" }));
  server.route("/papers/date/2024-08-02", () => ({ body: "day two" }));
  server.route("/papers/date/2024-08-03", () => ({ body: "day three" }));
});
afterEach(async () => {
  await server.close();
});

const fetcherFor = (overrides: Partial<FetcherOptions> = {}) =>
  createFetcher(testFetcherOptions(server.baseUrl, overrides));
const sentTo = (path: string) => server.requests.filter((r) => r.path === path);
const gapsOf = (requests: LoggedRequest[]) => requests.slice(1).map((r, i) => r.at - (requests[i]?.at ?? 0));

/** The most requests that arrived within any span shorter than `windowMs`. */
function busiestWindow(requests: LoggedRequest[], windowMs: number): number {
  let most = 0;
  for (const [i, first] of requests.entries()) {
    most = Math.max(most, requests.slice(i).filter((r) => r.at - first.at < windowMs).length);
  }
  return most;
}

// The limiter counts when a request starts; the server logs when it arrives, a little later, and that delay
// varies between requests (the first, on a fresh connection, can take tens of ms on a busy machine). Without the
// limiter the requests would arrive back to back, so this slack does not hide a breach.
const ARRIVAL_JITTER_MS = 60;

describe("robots.txt", () => {
  const robots = [
    "User-agent: *",
    "Disallow: /",
    "",
    "User-agent: Paperpulse",
    "Disallow: /papers/date/2024-08-02",
    "Disallow: /api/",
    "Crawl-delay: 0.25",
  ].join("\n");

  it("is read once per origin; disallowed paths are never requested and fail without retries", async () => {
    server.route("/robots.txt", robotsRoute(robots));
    const robotsCache = createRobotsCache();
    const first = fetcherFor({ robotsCache });
    expect((await first.fetchText("/papers/date/2024-08-01")).body).toBe("day one");
    await expect(first.fetchText("/papers/date/2024-08-02")).rejects.toMatchObject({
      code: "ROBOTS_DISALLOWED",
      retryable: false,
    });
    await expect(first.fetchText("/api/daily_papers?date=2024-08-01")).rejects.toMatchObject({
      code: "ROBOTS_DISALLOWED",
    });
    await first.close();
    // A second run in the same process trusts the cached rules.
    const second = fetcherFor({ robotsCache });
    expect((await second.fetchText("/papers/date/2024-08-03")).body).toBe("day three");
    await second.close();

    expect(server.requests.map((r) => r.path)).toEqual([
      "/robots.txt",
      "/papers/date/2024-08-01",
      "/papers/date/2024-08-03",
    ]);
    expect(first.requestsMade).toBe(1);
  });

  it("matches the rules of the Paperpulse group and names the tool in every User-Agent", async () => {
    server.route("/robots.txt", robotsRoute(robots));
    const fetcher = fetcherFor();
    await fetcher.fetchText("/papers/date/2024-08-01");
    await fetcher.close();
    for (const request of server.requests) {
      expect(request.headers["user-agent"]).toBe(USER_AGENT);
    }
    expect(USER_AGENT).toMatch(/^Paperpulse\/\S+ \(/);
  });

  it("spaces requests by its Crawl-delay", async () => {
    server.route("/robots.txt", robotsRoute(robots));
    const fetcher = fetcherFor();
    for (const day of ["01", "03", "01", "03"]) await fetcher.fetchText(`/papers/date/2024-08-${day}`);
    await fetcher.close();
    expect(server.requests).toHaveLength(5);
    for (const gap of gapsOf(server.requests)) expect(gap).toBeGreaterThanOrEqual(250 - ARRIVAL_JITTER_MS);
  });

  it("refuses a same-host redirect into a disallowed path without requesting it", async () => {
    server.route("/robots.txt", robotsRoute(robots));
    server.route("/papers/date/2024-08-03", () => ({
      status: 302,
      body: "",
      headers: { location: "/papers/date/2024-08-02" },
    }));
    const fetcher = fetcherFor();
    await expect(fetcher.fetchText("/papers/date/2024-08-03")).rejects.toMatchObject({
      code: "ROBOTS_DISALLOWED",
    });
    await fetcher.close();
    expect(sentTo("/papers/date/2024-08-02")).toHaveLength(0);
  });

  it("allows everything when robots.txt is missing (404)", async () => {
    const fetcher = fetcherFor();
    expect((await fetcher.fetchText("/papers/date/2024-08-02")).body).toBe("day two");
    await fetcher.close();
    expect(server.requests.map((r) => r.path)).toEqual(["/robots.txt", "/papers/date/2024-08-02"]);
  });

  it("crawls nothing while robots.txt answers 5xx, and asks again on the next run", async () => {
    server.route("/robots.txt", failTimesRoute(2, statusReply(503), robotsRoute("User-agent: *\nAllow: /")));
    const robotsCache = createRobotsCache();
    const failing = fetcherFor({ robotsCache, attempts: 2 });
    for (const day of ["01", "02"]) {
      await expect(failing.fetchText(`/papers/date/2024-08-${day}`)).rejects.toMatchObject({
        code: "ROBOTS_UNAVAILABLE",
        message: expect.stringMatching(/HTTP 503/),
      });
    }
    await failing.close();
    expect(server.requests.map((r) => r.path)).toEqual(["/robots.txt", "/robots.txt"]);

    const next = fetcherFor({ robotsCache });
    expect((await next.fetchText("/papers/date/2024-08-01")).body).toBe("day one");
    await next.close();
    expect(sentTo("/robots.txt")).toHaveLength(3);
  });
});

describe("requests to slow down", () => {
  it("waits at least Retry-After seconds after a 429, then succeeds", async () => {
    server.route(
      "/papers/date/2024-08-01",
      sequenceRoute(statusReply(429, { "retry-after": "1" }), { body: "day one" }),
    );
    const fetcher = fetcherFor();
    expect((await fetcher.fetchText("/papers/date/2024-08-01")).body).toBe("day one");
    await fetcher.close();
    const [limited, retried] = sentTo("/papers/date/2024-08-01");
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("waits until a Retry-After HTTP-date", async () => {
    let until = 0;
    server.route(
      "/papers/date/2024-08-01",
      sequenceRoute(
        () => {
          until = Math.ceil(Date.now() / 1000) * 1000 + 1000;
          return statusReply(429, { "retry-after": new Date(until).toUTCString() });
        },
        { body: "day one" },
      ),
    );
    const fetcher = fetcherFor({ maxWaitMs: 3_000 });
    expect((await fetcher.fetchText("/papers/date/2024-08-01")).body).toBe("day one");
    await fetcher.close();
    const retried = sentTo("/papers/date/2024-08-01")[1];
    expect(retried?.receivedAt).toBeGreaterThanOrEqual(until);
  });

  it("sends nothing before t when a response says RateLimit r=0, on a 200 or on a 429", async () => {
    server.route("/papers/date/2024-08-01", () => ({
      body: "day one",
      headers: { ratelimit: '"pages";r=0;t=1', "ratelimit-policy": '"pages";q=100;w=300' },
    }));
    server.route(
      "/papers/date/2024-08-02",
      sequenceRoute(statusReply(429, { ratelimit: '"pages";r=0;t=1' }), { body: "day two" }),
    );
    const fetcher = fetcherFor();
    await fetcher.fetchText("/papers/date/2024-08-01");
    expect((await fetcher.fetchText("/papers/date/2024-08-02")).body).toBe("day two");
    await fetcher.close();
    const pages = server.requests.filter((r) => r.path !== "/robots.txt");
    expect(pages.map((r) => r.path)).toEqual([
      "/papers/date/2024-08-01",
      "/papers/date/2024-08-02",
      "/papers/date/2024-08-02",
    ]);
    for (const gap of gapsOf(pages)) expect(gap).toBeGreaterThanOrEqual(1_000);
  });

  it("honours the older RateLimit-Remaining / RateLimit-Reset pair", async () => {
    server.route("/papers/date/2024-08-01", () => ({
      body: "day one",
      headers: { "ratelimit-remaining": "0", "ratelimit-reset": "1" },
    }));
    const fetcher = fetcherFor();
    await fetcher.fetchText("/papers/date/2024-08-01");
    await fetcher.fetchText("/papers/date/2024-08-03");
    await fetcher.close();
    const [first, second] = server.requests.filter((r) => r.path !== "/robots.txt");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("gives up at once as RATE_LIMITED when the wait asked for is beyond the cap", async () => {
    server.route("/papers/date/2024-08-01", () => statusReply(429, { "retry-after": "3600" }));
    const fetcher = fetcherFor({ maxWaitMs: 500 });
    const started = performance.now();
    await expect(fetcher.fetchText("/papers/date/2024-08-01")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      message: expect.stringMatching(/3600 s wait/),
    });
    // Later requests to the same host are refused too, without being sent.
    await expect(fetcher.fetchText("/papers/date/2024-08-02")).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await fetcher.close();
    expect(performance.now() - started).toBeLessThan(300);
    expect(server.requests.filter((r) => r.path !== "/robots.txt")).toHaveLength(1);
  });

  it("reports RATE_LIMITED after bounded attempts when 429s carry no hint", async () => {
    server.route("/papers/date/2024-08-01", () => statusReply(429));
    const fetcher = fetcherFor({ attempts: 3 });
    await expect(fetcher.fetchText("/papers/date/2024-08-01")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
    });
    await fetcher.close();
    expect(sentTo("/papers/date/2024-08-01")).toHaveLength(3);
  });

  it("retries a 503 after its Retry-After", async () => {
    server.route(
      "/papers/date/2024-08-01",
      sequenceRoute(statusReply(503, { "retry-after": "1" }), { body: "day one" }),
    );
    const fetcher = fetcherFor();
    expect((await fetcher.fetchText("/papers/date/2024-08-01")).body).toBe("day one");
    await fetcher.close();
    const [failed, retried] = sentTo("/papers/date/2024-08-01");
    expect((retried?.at ?? 0) - (failed?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });
});

describe("request budget", () => {
  it("never starts more page loads in a window than allowed: the rest wait", async () => {
    const rateLimiter = createRateLimiter({ windowMs: 300, pageLoads: 3, apiCalls: 100 });
    const fetcher = fetcherFor({ rateLimiter });
    const started = performance.now();
    for (let i = 0; i < 8; i++) await fetcher.fetchText(`/papers/date/2024-08-0${1 + (i % 3)}`);
    await fetcher.close();
    // robots.txt counts as a page load: 9 requests, 3 per window, take at least two full windows.
    expect(server.requests).toHaveLength(9);
    expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    expect(busiestWindow(server.requests, 300 - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(3);
  });

  it("counts API calls apart from page loads", async () => {
    server.route("/api/daily_papers", () => ({ body: "[]" }));
    const rateLimiter = createRateLimiter({ windowMs: 1_000, pageLoads: 1, apiCalls: 5 });
    const fetcher = fetcherFor({ rateLimiter });
    const started = performance.now();
    for (let p = 0; p < 5; p++) await fetcher.fetchText(`/api/daily_papers?date=2024-08-01&p=${p}&limit=100`);
    // Five API calls after robots.txt (a page load) fit at once; the next page load waits for the window.
    expect(performance.now() - started).toBeLessThan(500);
    await fetcher.fetchText("/papers/date/2024-08-01");
    await fetcher.close();
    // robots.txt started after `started`, and the page load one window after robots.txt.
    const [page] = sentTo("/papers/date/2024-08-01");
    expect((page?.at ?? 0) - started).toBeGreaterThanOrEqual(1_000);
  });

  it("is shared by every fetcher given the same limiter: two runs at once stay within it together", async () => {
    const rateLimiter = createRateLimiter({ windowMs: 300, pageLoads: 3, apiCalls: 100 });
    const robotsCache = createRobotsCache();
    const run = async (days: string[]) => {
      const fetcher = fetcherFor({ rateLimiter, robotsCache });
      for (const day of days) await fetcher.fetchText(`/papers/date/2024-08-${day}`);
      await fetcher.close();
    };
    await Promise.all([run(["01", "02", "03"]), run(["03", "02", "01"])]);
    expect(server.requests).toHaveLength(7);
    expect(busiestWindow(server.requests, 300 - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(3);
  });

  it("lowers the budget to a smaller quota the server announces", async () => {
    server.route("/papers/date/2024-08-01", () => ({
      body: "day one",
      headers: { "ratelimit-policy": '"pages";q=2;w=0.3' },
    }));
    const rateLimiter = createRateLimiter({ windowMs: 300, pageLoads: 50, apiCalls: 100 });
    const fetcher = fetcherFor({ rateLimiter });
    for (let i = 0; i < 6; i++) await fetcher.fetchText("/papers/date/2024-08-01");
    await fetcher.close();
    const pages = sentTo("/papers/date/2024-08-01");
    expect(busiestWindow(pages.slice(1), 300 - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(2);
  });

  it("still ends a run at its hard request bound (robots.txt not counted)", async () => {
    const fetcher = fetcherFor({ maxRequests: 2 });
    await fetcher.fetchText("/papers/date/2024-08-01");
    await fetcher.fetchText("/papers/date/2024-08-02");
    await expect(fetcher.fetchText("/papers/date/2024-08-03")).rejects.toMatchObject({
      code: "BUDGET_EXHAUSTED",
    });
    await fetcher.close();
    expect(fetcher.requestsMade).toBe(2);
    expect(sentTo("/papers/date/2024-08-03")).toHaveLength(0);
  });
});

describe("connections", () => {
  it("keeps one connection to the host even when asked for several pages at once", async () => {
    let open = 0;
    let most = 0;
    // Each answer takes a moment, so that concurrent requests would overlap if they had connections of their own.
    server.route("/papers/date/2024-08-04", () => (response) => {
      open++;
      most = Math.max(most, open);
      setTimeout(() => {
        open--;
        response.writeHead(200, { "content-type": "text/html" }).end("slow day");
      }, 100);
    });
    const fetcher = fetcherFor();
    const bodies = await Promise.all(
      Array.from({ length: 4 }, () => fetcher.fetchText("/papers/date/2024-08-04").then((r) => r.body)),
    );
    await fetcher.close();
    expect(bodies).toEqual(Array(4).fill("slow day"));
    expect(most).toBe(1);
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBe(1);
  });
});
