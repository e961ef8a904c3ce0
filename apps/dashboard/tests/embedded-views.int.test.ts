import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@paperpulse/db";
import { describeWhen } from "@paperpulse/db/testing";
import { expectedFreshnessMs, listNextRuns, loadScheduleConfig, parseScraperEnv } from "@paperpulse/scraper";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser, orgTopicsOn } from "./support/browser";
import { type RunningDashboard, startDashboard } from "./support/server";
import { seedEmptyCaptureAt, seedSynthetic, syntheticCaptures, syntheticTopics } from "./support/synthetic";

// The embedded dashboard with scheduling on, on the synthetic seed: the Runs page lists the jobs with the next run
// times croner computes, and every view warns when the last successful capture is older than the schedule implies.
// Both jobs run once a year, so none fires while the tests run, and the staleness threshold (two missed runs of the
// most frequent job) is about two years: a capture a day beyond it is stale, a day within it is fresh.

const scheduleEnv = {
  PAPERPULSE_SCHEDULE: "on",
  PAPERPULSE_SCHEDULE_REFRESH: "0 0 1 1 *",
  PAPERPULSE_SCHEDULE_DAILY: "15 6 1 7 *",
  // Were a job to fire anyway, it would fetch nothing: a closed local port, and private hosts are not allowed.
  HF_BASE_URL: "http://127.0.0.1:9",
};
// The server's environment: this test's, with the schedule above (as startDashboard passes it).
const config = loadScheduleConfig(parseScraperEnv({ ...process.env, ...scheduleEnv }));
const day = 86_400_000;
const views = [
  "/",
  "/papers",
  "/papers/2303.00300",
  "/orgs",
  "/orgs/acme",
  "/authors",
  "/authors/u/alice-ex",
  "/topics",
  "/runs",
];

describe("embedded dashboard with a yearly schedule, on synthetic data", () => {
  let dataDir = "";
  let server: RunningDashboard | undefined;
  const started = new Date();
  const freshnessMs = expectedFreshnessMs(config, started) ?? 0;
  const staleCapture = new Date(started.getTime() - freshnessMs - day);

  const url = (path: string) => {
    if (!server) throw new Error("server not started");
    return `${server.url}${path}`;
  };
  const seedAndStart = async (capturedAt: Date) => {
    const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "the embedded views test" });
    try {
      await seedEmptyCaptureAt(handle.db, capturedAt);
    } finally {
      await handle.close();
    }
    server = await startDashboard({ dataDir }, { env: scheduleEnv });
  };
  const html = async (path: string) => {
    const response = await fetch(url(path));
    expect(response.status, path).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-embedded-"));
    const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "the embedded views test" });
    try {
      await seedSynthetic(handle.db);
    } finally {
      await handle.close();
    }
    await seedAndStart(staleCapture);
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("expects a capture at least every two years, and says at boot when each job runs next", () => {
    expect(config.jobs.map((job) => job.name)).toEqual(["refresh", "daily"]);
    expect(freshnessMs).toBeGreaterThanOrEqual(2 * 365 * day);
    expect(freshnessMs).toBeLessThanOrEqual(2 * 366 * day + 10 * 60_000);
    const jobs = listNextRuns(config, 1, started)
      .map((job) => `${job.name} next at ${job.next[0]?.toISOString()}`)
      .join(", ");
    expect(server?.output()).toContain(`Paperpulse dashboard: scheduling in this process: ${jobs}`);
  });

  it("warns on every view that the data is out of date, naming the last capture and the schedule's interval", async () => {
    const expected = `(${utc(staleCapture)}); the schedule expects one at least every ${Math.round(freshnessMs / day)} days.`;
    for (const path of views) {
      const page = await html(path);
      expect(page.includes('data-banner="stale"'), path).toBe(true);
      expect(page.includes(expected), `${path}: ${expected}`).toBe(true);
      expect(page.includes('data-banner="schema-drift"'), path).toBe(false);
    }
  });

  describeWhen(hasChromium, chromiumMissing, "in Chromium", () => {
    let browser: Browser | undefined;
    let page: Page | undefined;
    let errors: string[] = [];

    beforeAll(async () => {
      ({ browser, page, errors } = await openBrowser());
    });
    afterAll(async () => {
      await browser?.close();
    });
    const open = () => {
      if (!page) throw new Error("no browser page");
      return page;
    };

    it("runs: the schedule table lists each job with its cron and its next three runs in UTC, as croner computes them", async () => {
      const page = open();
      const now = new Date();
      await page.goto(url("/runs"));
      const rows = await page
        .locator("table[data-schedule] tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? "")));
      const next = new Map(listNextRuns(config, 3, now).map((job) => [job.name, job.next]));
      expect(rows).toEqual(
        config.jobs.map((job) => [job.name, job.cron, (next.get(job.name) ?? []).map(utc).join(" · ")]),
      );
      expect(rows.map((row) => row[1])).toEqual(["0 0 1 1 *", "15 6 1 7 *"]);
      const intro = await page.locator("#schedule-title + p").textContent();
      expect(intro).toBe("This dashboard process runs the schedule (embedded mode). Times are UTC.");
      expect(await page.locator("[data-schedule-off]").count()).toBe(0);
      // The stale-data banner is on screen, and links to this page.
      const banner = page.locator("[data-banner=stale]");
      expect(await banner.isVisible()).toBe(true);
      expect(await banner.locator("a").getAttribute("href")).toBe("/runs");
      expect(errors).toEqual([]);
    });

    it("organisation: its topics are its papers' topics, counted and ordered as the seed implies, under filters too", async () => {
      const page = open();
      // From the overview's table to the organisation whose name a link has to encode.
      await page.goto(url("/"));
      await page.locator("td.org a", { hasText: "+org-plus" }).first().click();
      await page.waitForURL((target) => target.pathname === "/orgs/%2Borg-plus");
      expect(await page.locator("h1").textContent()).toBe("+org-plus Lab");

      const cases: [string, DayRange][] = [
        ["+org-plus", {}],
        ["acme", {}],
        ["acme", { to: "2023-02-28" }],
        ["acme", { from: "2023-03-01" }],
      ];
      for (const [org, range] of cases) {
        const query = new URLSearchParams(range).toString();
        const label = `${org}?${query}`;
        await page.goto(url(`/orgs/${encodeURIComponent(org)}${query ? `?${query}` : ""}`));
        expect(await page.locator("h1").textContent(), label).toBe(`${org} Lab`);
        const shown = await orgTopicsOn(page);
        const expected = expectedOrgTopics(org, range);
        expect(shown, label).toEqual(expected.topics);
        if (expected.topics.length > 0) {
          expect(await page.locator("#org-topics-title + p").textContent(), label).toBe(
            `Share of its ${expected.papers} papers with each topic (a paper can have several).`,
          );
        }
      }
      expect(errors).toEqual([]);
    });
  });

  it("shows no banner on any view once a capture is within the interval the schedule implies", async () => {
    await server?.stop();
    await seedAndStart(new Date(Date.now() - freshnessMs + day));
    for (const path of views) {
      expect((await html(path)).includes("data-banner"), path).toBe(false);
    }
  });
});

type DayRange = { from?: string; to?: string };

/**
 * An organisation's topics from the seed: its papers (latest capture of each, the listing's date when a paper has
 * none of its own) within the range; each topic with papers, most papers first, ties in taxonomy order.
 */
function expectedOrgTopics(org: string, range: DayRange) {
  const latest = new Map<string, { org: string | undefined; day: string; topics: string[] }>();
  const byTime = [...syntheticCaptures].sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
  for (const capture of byTime) {
    for (const paper of capture.papers) {
      const day = paper.dailyDate ?? capture.listingDate ?? "";
      latest.set(paper.id, { org: paper.organization?.name, day, topics: paper.topics ?? [] });
    }
  }
  const papers = [...latest.values()].filter(
    (p) => p.org === org && (!range.from || p.day >= range.from) && (!range.to || p.day <= range.to),
  );
  const topics = syntheticTopics
    .map(({ slug, label }) => ({ slug, label, papers: papers.filter((p) => p.topics.includes(slug)).length }))
    .filter((topic) => topic.papers > 0)
    .sort((a, b) => b.papers - a.papers);
  return {
    papers: papers.length,
    topics: topics.map((topic) => ({
      topic: topic.slug,
      label: topic.label,
      value: `${topic.papers} (${Math.round((topic.papers / papers.length) * 1000) / 10}%)`,
    })),
  };
}

/** "Jan 1, 2027, 00:00 UTC", written out independently of the dashboard's formatter. */
function utc(date: Date): string {
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${month[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
