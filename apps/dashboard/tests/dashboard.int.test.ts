import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@paperpulse/db";
import { describeWhen, describeWithFixtures, hfFixture } from "@paperpulse/db/testing";
import { papers } from "@paperpulse/schema";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectedText, fetchCsv } from "./support/csv";
import { importWithCli } from "./support/import";
import { dashboardDir, type RunningDashboard, startDashboard } from "./support/server";

// The whole path a user takes: import the recorded archive with the CLI, serve the built dashboard on that folder,
// check the CSV export against the database, then drive Chromium over the overview.

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshots = join(dashboardDir, "test-results");

type PaperRow = typeof papers.$inferSelect;

describeWithFixtures("dashboard on the imported archive", () => {
  let dataDir = "";
  let server: RunningDashboard | undefined;
  let all: PaperRow[] = [];
  let busiestOrg = "";

  const url = (path: string) => {
    if (!server) throw new Error("server not started");
    return `${server.url}${path}`;
  };

  beforeAll(async () => {
    const archiveDir = hfFixture("archive");
    const archives = readdirSync(archiveDir)
      .filter((name) => name.endsWith(".tar.gz"))
      .map((name) => join(archiveDir, name));
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-dashboard-"));
    await importWithCli(dataDir, archives);

    // Expectations straight from the tables (not through the dashboard's loaders), before the server takes the folder.
    const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "the dashboard browser test" });
    try {
      const rows = await handle.db.select().from(papers);
      all = rows.sort((a, b) => compare(a.dailyDate, b.dailyDate) || compare(a.id, b.id));
      const counts = new Map<string, number>();
      for (const paper of all) {
        if (paper.organizationName)
          counts.set(paper.organizationName, (counts.get(paper.organizationName) ?? 0) + 1);
      }
      busiestOrg = [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0] ?? "";
    } finally {
      await handle.close();
    }
    server = await startDashboard({ dataDir });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const csvRow = (paper: PaperRow) => [
    paper.id,
    expectedText(paper.title),
    paper.dailyDate,
    expectedText(paper.organizationName),
    String(paper.upvotes),
    String(paper.comments),
    paper.firstSeenAt.toISOString(),
    paper.lastSeenAt.toISOString(),
  ];

  it("imported the archive", () => {
    expect(all.length).toBeGreaterThan(9000);
    expect(busiestOrg).not.toBe("");
  });

  it("refuses to start a second server on the same embedded folder, saying who holds it", async () => {
    await expect(startDashboard({ dataDir })).rejects.toThrow(
      /cannot start: The embedded database in .* is in use by the Paperpulse dashboard \(pnpm start\)/,
    );
  });

  it("exports every paper exactly as stored", async () => {
    const csv = await fetchCsv(url("/api/export/papers.csv"));
    expect(csv.status).toBe(200);
    expect(csv.rows[0]).toEqual([
      "id",
      "title",
      "daily_date",
      "organization",
      "upvotes",
      "comments",
      "first_seen_at",
      "last_seen_at",
    ]);
    expect(csv.rows.slice(1)).toEqual(all.map(csvRow));
  });

  it("exports an organisation's papers over a date range", async () => {
    const from = "2026-01-01";
    const to = "2026-06-30";
    const query = new URLSearchParams({ org: busiestOrg, from, to });
    const csv = await fetchCsv(url(`/api/export/papers.csv?${query}`));
    const expected = all.filter(
      (p) => p.organizationName === busiestOrg && p.dailyDate >= from && p.dailyDate <= to,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(csv.rows.slice(1)).toEqual(expected.map(csvRow));
  });

  describeWhen(
    existsSync(chromiumPath),
    `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`,
    "in Chromium",
    () => {
      let browser: Browser | undefined;
      let page: Page | undefined;
      const errors: string[] = [];

      beforeAll(async () => {
        browser = await chromium.launch({
          executablePath: chromiumPath,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        });
        page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
        page.on("console", (message) => {
          if (message.type() === "error")
            errors.push(`console: ${message.text()} (${message.location().url})`);
        });
        mkdirSync(screenshots, { recursive: true });
      });

      afterAll(async () => {
        await browser?.close();
      });

      const openPage = () => {
        if (!page) throw new Error("no browser page");
        return page;
      };

      it("draws the upvotes chart and the top papers", async () => {
        const page = openPage();
        await page.goto(url("/"));
        await page.waitForSelector(".recharts-surface");
        await page.waitForSelector(".recharts-bar-rectangle");
        expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(100);

        const rows = page.locator("table.papers tbody tr");
        expect(await rows.count()).toBe(50);
        const mostUpvoted = Math.max(...all.map((p) => p.upvotes));
        expect(await rows.first().locator("td").nth(4).textContent()).toBe(
          mostUpvoted.toLocaleString("en-US"),
        );
        const href = await rows.first().locator("td.title a").getAttribute("href");
        expect(href).toMatch(/^https:\/\/huggingface\.co\/papers\/[^/]+$/);

        await page.screenshot({ path: join(screenshots, "overview.png"), fullPage: true });
        expect(errors).toEqual([]);
      });

      it("filters the table to one organisation through the URL", async () => {
        const page = openPage();
        await page.goto(url("/"));
        await page.locator(`.chips a[href="/?org=${encodeURIComponent(busiestOrg)}"]`).click();
        await page.waitForURL((target) => target.searchParams.getAll("org").join() === busiestOrg);
        await page.waitForSelector(".recharts-bar-rectangle");

        const orgPapers = all.filter((p) => p.organizationName === busiestOrg);
        const orgCells = await page.locator("table.papers tbody td.org").allTextContents();
        expect(orgCells.length).toBe(Math.min(50, orgPapers.length));
        expect(new Set(orgCells)).toEqual(new Set([busiestOrg]));
        const ids = await page
          .locator("table.papers tbody tr")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")));
        const orgIds = new Set(orgPapers.map((p) => p.id));
        expect(ids.every((id) => id !== null && orgIds.has(id))).toBe(true);
        expect(await page.locator(".stat-value").first().textContent()).toBe(
          orgPapers.length.toLocaleString("en-US"),
        );

        await page.screenshot({ path: join(screenshots, "overview-org.png"), fullPage: true });
        expect(errors).toEqual([]);
      });
    },
  );
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
