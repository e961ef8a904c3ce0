import { request as httpRequest } from "node:http";
import { describeOnServer, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { scrapePages, scrapeRuns } from "@paperpulse/schema";
import { type HfTestServer, startHfTestServer } from "@paperpulse/scraper/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningDashboard, startDashboard } from "./support/server";

// "Run now" in server mode (Postgres), where the dashboard is one of possibly many processes on a shared database:
// POST only, addressed to an allowed host, same-site only, rate-limited, and only with PAPERPULSE_ADMIN_TOKEN;
// without a token it is off. Runs scrape a local stand-in for Hugging Face (loopback allowed explicitly for the
// server process). The server with the token trusts one proxy: each test speaks as its own client through it.

const token = "test-admin-token-0123456789abcdef";
const trigger = "/api/runs/run-now";

describeOnServer("Run now in server mode", () => {
  let hf: HfTestServer | undefined;
  let database: TestDbHandle | undefined;
  let server: RunningDashboard | undefined;
  let closed: RunningDashboard | undefined;
  const url = (path: string, target = server) => {
    if (!target) throw new Error("server not started");
    return `${target.url}${path}`;
  };
  let clients = 0;
  // A client of its own (the address the trusted proxy appends last), so tests do not share a rate limit.
  const asClient = (headers: Record<string, string> = {}) => ({
    "x-forwarded-for": `192.0.2.${++clients}`,
    ...headers,
  });
  const post = (headers: Record<string, string> = asClient(), body?: string, target = server) =>
    fetch(url(trigger, target), { method: "POST", headers, body, redirect: "manual" });
  const apiCalls = () => hf?.requests.filter((r) => r.path === "/api/daily_papers").length ?? 0;

  beforeAll(async () => {
    hf = await startHfTestServer();
    // Slow, empty days: a run stays active long enough for a second trigger to find it.
    hf.route("/api/daily_papers", () => (res) => {
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("[]"), 300);
    });
    database = await openServerDb();
    if (!database.url) throw new Error("the test database has no URL");
    const env = {
      HF_BASE_URL: hf.baseUrl,
      PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1",
      PAPERPULSE_SCHEDULE: "on",
      PAPERPULSE_REFRESH_DAYS: "2",
    };
    [server, closed] = await Promise.all([
      startDashboard(
        { databaseUrl: database.url },
        { env: { ...env, PAPERPULSE_ADMIN_TOKEN: token, PAPERPULSE_TRUST_PROXY: "1" } },
      ),
      startDashboard({ databaseUrl: database.url }, { env }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([server?.stop(), closed?.stop()]);
    await database?.close();
    await hf?.close();
  });

  it("does not schedule in server mode, but shows the configured schedule", async () => {
    expect(server?.output()).toContain("schedule run by `pnpm scrape schedule` (server mode)");
    const html = await (await fetch(url("/runs"))).text();
    expect(html).toContain("data-schedule");
    expect(html).toMatch(/refresh<\/td><td><code>7 \* \* \* \*<\/code>/);
  });

  it("warns on every page that the data is stale while the schedule expects captures and none succeeded", async () => {
    for (const path of ["/", "/papers", "/orgs", "/runs"]) {
      const html = await (await fetch(url(path))).text();
      expect(html, path).toContain('data-banner="stale"');
      expect(html, path).toContain("Nothing has been captured successfully yet.");
    }
  });

  it("refuses GET with 405", async () => {
    const response = await fetch(url(trigger));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses cross-site requests with 403, even with the token", async () => {
    const withToken = { authorization: `Bearer ${token}` };
    const cases: Record<string, string>[] = [
      { ...withToken, origin: "https://evil.example" },
      { ...withToken, "sec-fetch-site": "cross-site" },
      { origin: "null", "content-type": "application/x-www-form-urlencoded" },
    ];
    for (const headers of cases) {
      const response = await post(headers, headers["content-type"] ? `token=${token}` : undefined);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toMatch(/Cross-site request refused/);
    }
    expect(apiCalls()).toBe(0);
  });

  it("answers 401 without a token and 403 with a wrong one", async () => {
    const none = await post();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await post(asClient({ authorization: `Bearer ${token.slice(0, -1)}x` }));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toMatch(/Wrong admin token/);
    expect(apiCalls()).toBe(0);
  });

  it("starts a run with the token (202 and its id); a second quick POST gets the same run", async () => {
    const headers = asClient({ authorization: `Bearer ${token}`, origin: url("").replace(/\/$/, "") });
    const first = await post(headers);
    const second = await post(headers);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const a = (await first.json()) as { runId: number; started: boolean; url: string };
    const b = (await second.json()) as { runId: number; started: boolean };
    expect(a).toMatchObject({ started: true, url: `/runs/${a.runId}` });
    expect(b).toEqual(expect.objectContaining({ runId: a.runId, started: false }));
    // The run ends on its own: three days (today and two back), one empty API page each.
    const deadline = Date.now() + 20_000;
    let html = "";
    while (Date.now() < deadline) {
      html = await (await fetch(url(`/runs/${a.runId}`))).text();
      if (html.includes('data-status="succeeded"')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(html).toContain('data-status="succeeded"');
    expect(html).toContain("run now: refresh");
    expect(apiCalls()).toBe(3);
    // One structured line for the run, as a process manager collects it.
    const runLine = server
      ?.output()
      .split("\n")
      .find((line) => line.includes('"event":"run"'));
    expect(JSON.parse(runLine ?? "{}")).toMatchObject({
      runId: a.runId,
      status: "succeeded",
      trigger: "manual",
    });
    const list = await (await fetch(url("/runs"))).text();
    expect(list).toContain(`data-run-id="${a.runId}"`);
    // A successful capture just happened: no stale-data banner any more.
    expect(list).not.toContain("data-banner");
  });

  it("takes the token from the Runs page's form and redirects to the run", async () => {
    const response = await post(
      asClient({
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html",
        "sec-fetch-site": "same-origin",
      }),
      `token=${encodeURIComponent(token)}`,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/runs\/\d+\?runNow=(started|active)$/);
  });

  it("limits attempts per client to 5 a minute (429 with Retry-After), keyed on the proxy's own hop", async () => {
    // Behind the proxy, the client is the address it appended last; what the client put before is its own.
    const client = (n: number) => ({
      "x-forwarded-for": `203.0.113.${n}, 198.51.100.7`,
      authorization: "Bearer not-the-token-at-all",
    });
    for (let i = 0; i < 5; i++) expect((await post(client(i))).status).toBe(403);
    const limited = await post(client(99));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await post({ "x-forwarded-for": "198.51.100.8" })).status).toBe(401);
  });

  it("refuses state changes addressed to a host name not on the allowlist (DNS rebinding)", async () => {
    if (!server || !database) throw new Error("server not started");
    const port = new URL(server.url).port;
    const runsBefore = await database.db.$count(scrapeRuns);
    // fetch() cannot set Host: a plain HTTP request, as a rebinding page's browser would send it.
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: trigger,
          headers: {
            host: `attacker.example:${port}`,
            origin: `http://attacker.example:${port}`,
            "sec-fetch-site": "same-origin",
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatch(/Host "attacker.example" is not one this dashboard answers/);
    expect(response.body).toMatch(/PAPERPULSE_ALLOWED_HOSTS/);
    expect(await database.db.$count(scrapeRuns)).toBe(runsBefore);
  });

  it("is disabled, with the reason, when no token is configured", async () => {
    const off = await fetch(url(trigger, closed), {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(off.status).toBe(403);
    expect(await off.text()).toMatch(/Run now is disabled: PAPERPULSE_ADMIN_TOKEN is not set/);
    const html = await (await fetch(url("/runs", closed))).text();
    expect(html).toMatch(/<button type="submit" disabled="" data-run-now="true">Run now<\/button>/);
    expect(html).toContain("Disabled: PAPERPULSE_ADMIN_TOKEN is not set");
  });

  it("keys clients on the socket's address when no proxy is trusted: a forged X-Forwarded-For buys nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post({ "x-forwarded-for": `203.0.113.${i}` }, undefined, closed)).status);
    }
    // The closed server has Run now off (403; one attempt above already); from 127.0.0.1 the sixth is over the limit.
    expect(statuses.slice(0, 4)).toEqual([403, 403, 403, 403]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it("says the data may be stale when the last run failed with schema drift", async () => {
    const db = database?.db;
    if (!db) throw new Error("no database");
    const finishedAt = new Date();
    const [run] = await db
      .insert(scrapeRuns)
      .values({
        trigger: "schedule",
        command: "scheduled: refresh",
        plan: {},
        status: "failed",
        finishedAt,
      })
      .returning({ id: scrapeRuns.id });
    if (!run) throw new Error("no run");
    await db.insert(scrapePages).values({
      runId: run.id,
      url: "https://huggingface.co/papers/date/2026-07-31",
      kind: "page",
      capturedAt: finishedAt,
      statusCode: 200,
      errorCode: "SCHEMA_DRIFT",
      error: "dailyPapers[0].paper.upvotes: Invalid input: expected number, received string",
    });
    const html = await (await fetch(url("/papers"))).text();
    expect(html).toContain('data-banner="schema-drift"');
    expect(html).toContain("Data may be stale: Hugging Face&#x27;s markup changed.");
    expect(html).toContain(`href="/runs/${run.id}"`);
    const page = await (await fetch(url(`/runs/${run.id}`))).text();
    expect(page).toContain("SCHEMA_DRIFT");
  });

  it("stops token guessing from many addresses, without locking out the right token", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const response = await post(asClient({ authorization: `Bearer wrong-guess-number-${i}` }));
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(403);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    const right = await post(asClient({ authorization: `Bearer ${token}` }));
    expect(right.status).toBe(202);
  });
});
