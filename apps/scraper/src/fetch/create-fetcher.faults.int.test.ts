import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  brokenChunkingRoute,
  failTimesRoute,
  hangRoute,
  hugeBodyRoute,
  redirectRoute,
  resetRoute,
  statusReply,
  trickleRoute,
  truncatedRoute,
} from "../../testing/fault-routes.ts";
import { testFetcherOptions } from "../../testing/fetcher-test-options.ts";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";
import { createFetcher, type FetcherOptions } from "./create-fetcher.ts";
import { FetchError } from "./errors.ts";

// Faults of the network and of the server: every call ends, in bounded time, with a body or a typed error.

let server: HfTestServer;
beforeAll(async () => {
  server = await startHfTestServer();
});
afterAll(async () => {
  await server.close();
});

const OK = "<html><body>complete</body></html>";
const sentTo = (path: string) => server.requests.filter((r) => r.path === path);

async function fetchWith(path: string, overrides: Partial<FetcherOptions> = {}) {
  const fetcher = createFetcher(testFetcherOptions(server.baseUrl, overrides));
  const started = performance.now();
  try {
    const result = await fetcher.fetchText(path);
    return { result, error: null, ms: performance.now() - started, requests: fetcher.requestsMade };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return { result: null, error, ms: performance.now() - started, requests: fetcher.requestsMade };
  } finally {
    await fetcher.close();
  }
}

describe("createFetcher against a faulty server", () => {
  it("aborts each attempt that gets no headers at its timeout, and ends in bounded time", async () => {
    server.route("/hang", hangRoute());
    const { error, ms } = await fetchWith("/hang", {
      headersTimeoutMs: 200,
      attemptTimeoutMs: 10_000,
      attempts: 2,
    });
    expect(error).toMatchObject({ code: "TIMEOUT", retryable: true });
    expect(error?.message).toMatch(/timed out waiting/);
    expect(sentTo("/hang")).toHaveLength(2);
    // undici checks its header and body timeouts on a coarse (about 1 s) clock: each attempt ends within that.
    expect(ms).toBeGreaterThanOrEqual(400);
    expect(ms).toBeLessThan(2 * (200 + 1_000) + 300);
  });

  it("aborts a body that stops coming at the chunk timeout, long before the attempt deadline", async () => {
    // Headers at once, then not one byte of the promised body.
    server.route("/stall", trickleRoute(10, 60_000));
    const { error, ms } = await fetchWith("/stall", {
      bodyTimeoutMs: 200,
      attemptTimeoutMs: 20_000,
      attempts: 1,
    });
    expect(error).toMatchObject({ code: "TIMEOUT", retryable: true });
    expect(error?.message).toMatch(/timed out waiting/);
    // The chunk timeout is checked on undici's coarse clock (about 1 s); the 20 s deadline never comes into it.
    expect(ms).toBeLessThan(200 + 1_000 + 1_000);
  });

  it("aborts a body trickling in under the chunk timeout at the attempt deadline", async () => {
    // One byte every 50 ms never trips a 500 ms body timeout (it resets on each chunk): the deadline must.
    server.route("/trickle", trickleRoute(10_000, 50));
    const { error, ms } = await fetchWith("/trickle", { attemptTimeoutMs: 400, attempts: 2 });
    expect(error).toMatchObject({ code: "TIMEOUT", retryable: true });
    expect(error?.message).toMatch(/within 400 ms/);
    expect(sentTo("/trickle")).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(800);
    expect(ms).toBeLessThan(2_500);
  });

  it("retries 5xx and 408: failing N times then 200 takes N+1 requests", async () => {
    server.route("/flaky", failTimesRoute(3, statusReply(502), { body: OK }));
    const { result, requests } = await fetchWith("/flaky", { attempts: 4 });
    expect(result?.body).toBe(OK);
    expect(sentTo("/flaky")).toHaveLength(4);
    expect(requests).toBe(4);

    server.route("/timeout-status", failTimesRoute(1, statusReply(408), { body: OK }));
    expect((await fetchWith("/timeout-status")).result?.body).toBe(OK);
    expect(sentTo("/timeout-status")).toHaveLength(2);
  });

  it("gives up on an always-failing URL after bounded attempts with jittered exponential backoff", async () => {
    server.route("/down", () => statusReply(500));
    const { error } = await fetchWith("/down", { attempts: 4, retryDelayMs: 40, maxRetryDelayMs: 10_000 });
    expect(error).toMatchObject({ code: "HTTP_STATUS", status: 500 });
    const times = sentTo("/down").map((r) => r.at);
    expect(times).toHaveLength(4);
    // Attempt n+1 waits 40·2^(n-1)·[1, 2) ms after attempt n failed.
    times.slice(1).forEach((at, i) => {
      const gap = at - (times[i] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(40 * 2 ** i);
      expect(gap).toBeLessThan(40 * 2 ** (i + 1) + 150);
    });
  });

  it("caps one backoff wait at maxRetryDelayMs", async () => {
    server.route("/down-capped", () => statusReply(503));
    const { error, ms } = await fetchWith("/down-capped", {
      attempts: 4,
      retryDelayMs: 1_000,
      maxRetryDelayMs: 50,
    });
    expect(error).toMatchObject({ code: "HTTP_STATUS", status: 503 });
    expect(ms).toBeLessThan(900);
  });

  it("retries a connection reset as a network error", async () => {
    server.route("/reset", failTimesRoute(2, resetRoute(), { body: OK }));
    const { result } = await fetchWith("/reset");
    expect(result?.body).toBe(OK);
    expect(sentTo("/reset")).toHaveLength(3);

    server.route("/reset-always", resetRoute());
    const { error } = await fetchWith("/reset-always", { attempts: 2 });
    expect(error).toMatchObject({ code: "NETWORK", retryable: true });
  });

  it("never returns a body shorter than its Content-Length: retried, then the complete one", async () => {
    server.route("/truncated", failTimesRoute(1, truncatedRoute(OK.slice(0, 20), OK.length), { body: OK }));
    const { result } = await fetchWith("/truncated");
    expect(result?.body).toBe(OK);
    expect(sentTo("/truncated")).toHaveLength(2);

    server.route("/truncated-always", truncatedRoute(OK.slice(0, 20), OK.length));
    const failed = await fetchWith("/truncated-always", { attempts: 2 });
    expect(failed.result).toBeNull();
    expect(failed.error).toMatchObject({ code: "NETWORK", retryable: true });
    expect(sentTo("/truncated-always")).toHaveLength(2);
  });

  it.each(["cut", "garbled"] as const)(
    "treats %s chunked encoding as a retryable network error",
    async (mode) => {
      const path = `/chunked-${mode}`;
      server.route(path, failTimesRoute(1, brokenChunkingRoute(OK, mode), { body: OK }));
      expect((await fetchWith(path)).result?.body).toBe(OK);
      expect(sentTo(path)).toHaveLength(2);

      const always = `${path}-always`;
      server.route(always, brokenChunkingRoute(OK, mode));
      const { result, error } = await fetchWith(always, { attempts: 2 });
      expect(result).toBeNull();
      expect(error).toMatchObject({ code: "NETWORK", retryable: true });
    },
  );

  it("aborts a 50 MB body early at the size cap, without retrying", async () => {
    const huge = hugeBodyRoute(50 * 1024 * 1024);
    server.route("/huge", huge.route);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const { error, ms } = await fetchWith("/huge", { maxBytes: 1024 * 1024 });
    expect(error).toMatchObject({ code: "TOO_LARGE", retryable: false });
    expect(sentTo("/huge")).toHaveLength(1);
    // The server got only as far as the socket buffers let it before the connection was dropped.
    await vi.waitFor(() => expect(huge.stats.bytesWritten).toBeGreaterThan(0));
    expect(huge.stats.finished).toBe(false);
    expect(huge.stats.bytesWritten).toBeLessThan(16 * 1024 * 1024);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(16 * 1024 * 1024);
    expect(ms).toBeLessThan(2_000);
  });

  it("refuses a redirect to another host or to a metadata address, without following it", async () => {
    for (const [path, target] of [
      ["/to-metadata", "http://169.254.169.254/latest/meta-data/"],
      ["/to-other-host", "https://example.com/papers"],
      ["/to-other-port", "http://127.0.0.1:1/papers"],
    ] as const) {
      server.route(path, redirectRoute(target));
      const { error } = await fetchWith(path);
      expect(error, path).toMatchObject({ code: "REDIRECT_REFUSED", retryable: false });
      expect(sentTo(path)).toHaveLength(1);
    }
  });

  it("follows a redirect on the same host", async () => {
    server.route("/moved", redirectRoute("/moved-here", 301));
    server.route("/moved-here", () => ({ body: OK }));
    const { result, requests } = await fetchWith("/moved");
    expect(result).toMatchObject({ body: OK, url: `${server.baseUrl}/moved-here` });
    expect(requests).toBe(2);
  });
});

describe("createFetcher and internal addresses", () => {
  it("refuses a link-local or private base URL before any connection", async () => {
    for (const baseUrl of [
      "http://169.254.169.254",
      "http://10.0.0.8:8080",
      "http://192.168.1.1",
      "http://[::1]:8080",
      "http://[::ffff:127.0.0.1]",
    ]) {
      const fetcher = createFetcher({ baseUrl, allowPrivateHosts: false });
      await expect(fetcher.fetchText("/papers/date/2024-08-01"), baseUrl).rejects.toMatchObject({
        code: "BAD_URL",
        message: expect.stringMatching(/PAPERPULSE_ALLOW_PRIVATE_HOSTS/),
      });
      expect(fetcher.requestsMade).toBe(0);
      await fetcher.close();
    }
  });

  it("refuses the local server, by address or by a name resolving to it, unless allowed", async () => {
    const before = server.requests.length;
    const port = new URL(server.baseUrl).port;
    for (const baseUrl of [server.baseUrl, `http://localhost:${port}`]) {
      const fetcher = createFetcher({ ...testFetcherOptions(baseUrl), allowPrivateHosts: false });
      await expect(fetcher.fetchText("/anything"), baseUrl).rejects.toMatchObject({ code: "BAD_URL" });
      await fetcher.close();
    }
    expect(server.requests.length).toBe(before);

    server.route("/allowed", () => ({ body: OK }));
    expect((await fetchWith("/allowed", { allowPrivateHosts: true })).result?.body).toBe(OK);
  });

  it("refuses private hosts when not told otherwise, whatever the environment says", async () => {
    server.route("/by-default", () => ({ body: OK }));
    const { allowPrivateHosts: _, ...options } = testFetcherOptions(server.baseUrl);
    // The apps pass PAPERPULSE_ALLOW_PRIVATE_HOSTS as they parsed it; the library never reads it.
    vi.stubEnv("PAPERPULSE_ALLOW_PRIVATE_HOSTS", "1");
    try {
      const refused = createFetcher(options);
      await expect(refused.fetchText("/by-default")).rejects.toMatchObject({ code: "BAD_URL" });
      await refused.close();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
