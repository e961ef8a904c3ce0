import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@paperpulse/db";
import { describeWhen, describeWithFixtures } from "@paperpulse/db/testing";
import { organizations, paperSnapshots, papers, paperTexts, paperTopics } from "@paperpulse/schema";
import { type HfTestServer, startHfTestServer } from "@paperpulse/scraper/testing";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser, orgTopicsOn } from "./support/browser";
import { expectedText, fetchCsv } from "./support/csv";
import { hfArchives, importWithCli } from "./support/import";
import { dashboardDir, type RunningDashboard, startDashboard } from "./support/server";

// The whole path a user takes: import the recorded archive with the CLI, serve the built dashboard on that folder
// (one server for every test here), check the exports against the tables, then drive Chromium over every view.
// "Run now" scrapes a local stand-in for Hugging Face that serves one paper full of markup and script.

const screenshots = join(dashboardDir, "test-results");

type PaperRow = typeof papers.$inferSelect & { summary: string | null };

const hostileId = "2611.99999";
const hostileTitle =
  '<img src=x onerror="window.__xss=1">Hostile </script><script>window.__xss=2</script> title';
function hostileItem(day: string) {
  return {
    paper: {
      id: hostileId,
      title: hostileTitle,
      summary: 'A summary with <b>markup</b> & "quotes" <script>window.__xss=3</script>',
      authors: [{ name: "<i>Ada</i> Example", hidden: false }],
      publishedAt: `${day}T00:00:00.000Z`,
      submittedOnDailyAt: `${day}T06:00:00.000Z`,
      upvotes: 3,
      githubRepo: "javascript:window.__xss=4",
      projectPage: "https://example.org/project",
      ai_keywords: ["markup", "<svg onload=alert(1)>"],
      organization: { name: "hostile-org", fullname: "<svg onload=window.__xss=5>" },
    },
    numComments: 1,
  };
}

describeWithFixtures("dashboard on the imported archive", () => {
  let dataDir = "";
  let server: RunningDashboard | undefined;
  let hf: HfTestServer | undefined;
  let all: PaperRow[] = [];
  let orgCount = 0;
  let topicRows: { paperId: string; topic: string }[] = [];
  // The paper captured most often (its curve has the most points).
  let curvePaper: { id: string; snapshots: number } = { id: "", snapshots: 0 };
  let busiestOrg = "";
  let secondOrg = "";
  // An organisation with a full page of papers or fewer: its table is all its rows.
  let tableOrg = "";

  const url = (path: string) => {
    if (!server) throw new Error("server not started");
    return `${server.url}${path}`;
  };

  beforeAll(async () => {
    const archives = hfArchives();
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-dashboard-"));
    await importWithCli(dataDir, archives);

    // Expectations straight from the tables (not through the dashboard's loaders), before the server takes the folder.
    const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "the dashboard browser test" });
    try {
      const rows = (
        await handle.db.select().from(papers).leftJoin(paperTexts, eq(paperTexts.paperId, papers.id))
      ).map((row) => ({ ...row.papers, summary: row.paper_texts?.summary ?? null }));
      all = rows.sort((a, b) => compare(a.dailyDate, b.dailyDate) || compare(a.id, b.id));
      orgCount = (await handle.db.select().from(organizations)).length;
      topicRows = await handle.db.select().from(paperTopics);
      const snapshots = countBy(await handle.db.select().from(paperSnapshots), (s) => s.paperId);
      const [id, count] = [...snapshots].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0] ?? ["", 0];
      curvePaper = { id, snapshots: count };
    } finally {
      await handle.close();
    }
    const counts = [...countBy(all, (p) => p.organizationName)].sort(
      (a, b) => b[1] - a[1] || compare(a[0], b[0]),
    );
    busiestOrg = counts[0]?.[0] ?? "";
    secondOrg = counts[1]?.[0] ?? "";
    tableOrg = counts.find(([, n]) => n <= 50 && n >= 10)?.[0] ?? "";

    hf = await startHfTestServer();
    hf.route("/api/daily_papers", (request) => {
      const day = request.query.get("date") ?? "";
      const first = (request.query.get("p") ?? "0") === "0";
      const today = new Date().toISOString().slice(0, 10);
      const items = first && day === today ? [hostileItem(today)] : [];
      return { body: JSON.stringify(items), headers: { "content-type": "application/json" } };
    });
    server = await startDashboard(
      { dataDir },
      { env: { HF_BASE_URL: hf.baseUrl, PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1", PAPERPULSE_REFRESH_DAYS: "1" } },
    );
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await hf?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const firstEight = (row: string[]) => row.slice(0, 8);
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
    expect(tableOrg).not.toBe("");
  });

  it("refuses to start a second server on the same embedded folder, saying who holds it", async () => {
    await expect(startDashboard({ dataDir })).rejects.toThrow(
      /cannot start: The embedded database in .* is in use by the Paperpulse dashboard \(pnpm start\)/,
    );
  });

  it("exports every paper exactly as stored, for the widest range, within bounds", async () => {
    const started = performance.now();
    const csv = await fetchCsv(url("/api/export/papers.csv?from=1970&to=2100"));
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(csv.status).toBe(200);
    // The first eight columns hold what is checked here; the details after them are checked in parquet.int.test.ts.
    expect(csv.rows[0]?.slice(0, 8)).toEqual([
      "id",
      "title",
      "daily_date",
      "organization",
      "upvotes",
      "comments",
      "first_seen_at",
      "last_seen_at",
    ]);
    expect(csv.rows.slice(1).map(firstEight)).toEqual(all.map(csvRow));
  });

  it("stays responsive while a full export streams to a slow reader", async () => {
    const response = await fetch(url("/api/export/snapshots.csv"));
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    // The export is paused mid-stream (we are not reading); other requests are served meanwhile.
    const started = performance.now();
    const page = await fetch(url("/papers?sort=-comments"));
    expect(page.status).toBe(200);
    await page.text();
    expect(performance.now() - started).toBeLessThan(10_000);
    let rows = 0;
    const decoder = new TextDecoder();
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      rows += (decoder.decode(next.value, { stream: true }).match(/\r\n/g) ?? []).length;
    }
    expect(rows).toBeGreaterThan(9000);
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
    expect(csv.rows.slice(1).map(firstEight)).toEqual(expected.map(csvRow));
  });

  describeWhen(hasChromium, chromiumMissing, "in Chromium", () => {
    let browser: Browser | undefined;
    let page: Page | undefined;
    let errors: string[] = [];
    let dialogs: string[] = [];

    beforeAll(async () => {
      ({ browser, page, errors, dialogs } = await openBrowser({ acceptDownloads: true }));
      mkdirSync(join(screenshots, "views"), { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
    });

    const open = () => {
      if (!page) throw new Error("no browser page");
      return page;
    };
    // Whole pages as test artefacts; the first screen of each view too (test-results/views/), the size the
    // screenshots in docs/screenshots are taken at.
    const shot = async (name: string) => {
      await open().mouse.move(0, 0); // no hover state in the pictures
      await open().screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
      await open().screenshot({ path: join(screenshots, "views", `${name}.png`) });
    };
    /** Clicks a download link and parses the file it saves. */
    const download = async (selector: string): Promise<string[][]> => {
      const [file] = await Promise.all([
        open().waitForEvent("download"),
        open().locator(selector).first().click(),
      ]);
      const path = await file.path();
      return parse(readFileSync(path), { bom: true, relax_column_count: false }) as string[][];
    };
    const tableIds = () =>
      open()
        .locator("table.papers tbody tr")
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id") ?? ""));

    it("overview: totals, both charts, their data tables and the top papers", async () => {
      const page = open();
      await page.goto(url("/"));
      await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");
      await page.waitForSelector("[data-chart=papers] .recharts-bar-rectangle");
      expect(await page.locator("[data-chart=upvotes] .recharts-bar-rectangle").count()).toBeGreaterThan(100);
      expect(await page.locator("[data-chart=upvotes] .recharts-line-curve").count()).toBe(2);
      expect(await page.locator(".stat-value").nth(0).textContent()).toBe(all.length.toLocaleString("en-US"));
      expect(await page.locator(".stat-value").nth(1).textContent()).toBe(
        new Set(all.map((p) => p.organizationName).filter(Boolean)).size.toLocaleString("en-US"),
      );
      // The archive spans more than two years: more days than a chart draws (120), so weeks, with a note.
      const weeks = new Set(all.map((p) => isoWeek(p.dailyDate))).size;
      expect(await page.locator("#upvotes-title").textContent()).toBe("Upvotes per week");
      expect(await page.locator("[data-coarsened=week]").textContent()).toContain(
        "Narrow the dates to draw days",
      );
      expect(await page.locator("figure[aria-labelledby=upvotes-title] details tbody tr").count()).toBe(
        weeks,
      );
      const rows = page.locator("table.papers tbody tr");
      expect(await rows.count()).toBe(25);
      const mostUpvoted = Math.max(...all.map((p) => p.upvotes));
      expect(await rows.first().locator("td").nth(4).textContent()).toBe(mostUpvoted.toLocaleString("en-US"));
      expect(await rows.first().locator("td.title a").first().getAttribute("href")).toMatch(
        /^\/papers\/[^/]+$/,
      );
      expect(orgCount).toBeGreaterThan(0);
      await shot("overview");
      expect(errors).toEqual([]);
    });

    it("overview: an organisation filter changes chart, table and totals; the CSV link gives its rows", async () => {
      const page = open();
      await page.goto(url("/"));
      const before = await page.locator("figure[aria-labelledby=upvotes-title] details tbody tr").count();
      await page.locator(`.chips a[data-org="${busiestOrg}"]`).click();
      await page.waitForURL((target) => target.searchParams.getAll("org").join() === busiestOrg);
      await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");

      const orgPapers = all.filter((p) => p.organizationName === busiestOrg);
      const orgWeeks = new Set(orgPapers.map((p) => isoWeek(p.dailyDate))).size;
      expect(orgWeeks).toBeLessThan(before);
      expect(await page.locator("figure[aria-labelledby=upvotes-title] details tbody tr").count()).toBe(
        orgWeeks,
      );
      const orgCells = await page.locator("table.papers tbody td.org").allTextContents();
      expect(orgCells.length).toBe(Math.min(25, orgPapers.length));
      expect(new Set(orgCells)).toEqual(new Set([busiestOrg]));
      expect(await page.locator(".stat-value").first().textContent()).toBe(
        orgPapers.length.toLocaleString("en-US"),
      );

      const csv = await download('a[data-export="/api/export/papers.csv"]');
      expect(csv.slice(1).map(firstEight)).toEqual(orgPapers.map(csvRow));

      await page.locator(".segmented a", { hasText: "Month" }).click();
      await page.waitForURL((target) => target.searchParams.get("granularity") === "month");
      await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");
      const months = new Set(orgPapers.map((p) => p.dailyDate.slice(0, 7))).size;
      expect(await page.locator("figure[aria-labelledby=upvotes-title] details tbody tr").count()).toBe(
        months,
      );
      await shot("overview-org-month");
      expect(errors).toEqual([]);
    });

    it("papers: the nav keeps the filters; the table is the organisation's papers and the CSV link exactly its rows", async () => {
      const page = open();
      await page.goto(url(`/?org=${encodeURIComponent(tableOrg)}&granularity=week`));
      await page.locator("nav.main-nav a", { hasText: "Papers" }).click();
      await page.waitForURL((target) => target.pathname === "/papers");
      expect(new URL(page.url()).search).toBe(`?org=${encodeURIComponent(tableOrg)}`);

      const orgPapers = all
        .filter((p) => p.organizationName === tableOrg)
        .sort((a, b) => b.upvotes - a.upvotes || compare(a.id, b.id));
      expect(await tableIds()).toEqual(orgPapers.map((p) => p.id));
      const csv = await download('a[data-export="/api/export/papers.csv"]');
      expect(csv.slice(1).map((row) => row[0])).toEqual(await tableIds());

      await page.locator('th a[data-sort="title"]').click();
      await page.waitForURL((target) => target.searchParams.get("sort") === "title");
      const byTitle = await tableIds();
      expect(new Set(byTitle)).toEqual(new Set(orgPapers.map((p) => p.id)));
      expect(byTitle).not.toEqual(orgPapers.map((p) => p.id));
      const sortedCsv = await download('a[data-export="/api/export/papers.csv"]');
      expect(sortedCsv.slice(1).map((row) => row[0])).toEqual(byTitle);
      await shot("papers");

      await page.goto(url("/papers?q=diffusion&minUpvotes=20"));
      const matching = all.filter(
        (p) =>
          p.upvotes >= 20 &&
          (p.title.toLowerCase().includes("diffusion") ||
            (p.summary ?? "").toLowerCase().includes("diffusion")),
      );
      expect(await page.locator(".page-head p").first().textContent()).toContain(
        `${matching.length.toLocaleString("en-US")} papers match`,
      );
      await page.locator('a[rel="next"]').click();
      await page.waitForURL((target) => target.searchParams.get("page") === "2");
      expect(await tableIds()).toHaveLength(Math.min(50, matching.length - 50));
      expect(errors).toEqual([]);
    });

    it("paper: curves against the day's median, time to 50% and 90%, links out", async () => {
      const page = open();
      const paper = all.find((p) => p.id === curvePaper.id);
      if (!paper) throw new Error("no paper");
      expect(curvePaper.snapshots).toBeGreaterThan(1);
      await page.goto(url(`/papers/${encodeURIComponent(paper.id)}`));
      await page.waitForSelector("[data-chart=curve-upvotes] .recharts-surface");
      expect(await page.locator("h1").textContent()).toBe(paper.title);
      expect(await page.locator("[data-chart=curve-upvotes] .recharts-line").count()).toBe(2);
      // One dot per change of its counts (and an open one for the last confirming capture); values carried
      // between them fill the line and the data table, without dots.
      expect(await page.locator("[data-chart=curve-upvotes] .recharts-line-dots circle").count()).toBe(
        curvePaper.snapshots,
      );
      const paperValues = await page
        .locator("figure[aria-labelledby=curve-upvotes-title] details tbody tr td:nth-child(2)")
        .allTextContents();
      expect(paperValues.filter((v) => v !== "").length).toBeGreaterThanOrEqual(curvePaper.snapshots);
      expect(await page.locator("[data-chart=curve-upvotes]").textContent()).toContain(
        "Hours since featured",
      );
      expect(await page.locator(".link-row a", { hasText: "arXiv" }).getAttribute("href")).toBe(
        `https://arxiv.org/abs/${paper.id}`,
      );
      if (paper.githubRepo) {
        expect(await page.locator(".link-row a", { hasText: "GitHub" }).getAttribute("href")).toMatch(
          /^https?:\/\//,
        );
      }
      expect(await page.locator(".stat-label").allTextContents()).toContain("to 50% of upvotes");
      await shot("paper");
      expect(errors).toEqual([]);
    });

    it("organisations: stacked activity and leaderboard follow the organisation filter; the CSV is the table", async () => {
      const page = open();
      await page.goto(url("/orgs"));
      await page.waitForSelector("[data-chart=org-activity] .recharts-bar-rectangle");
      expect(await page.locator("[data-chart=org-activity] .recharts-legend-item").count()).toBe(8);
      const board = await page.locator("table.leaderboard tbody tr").count();
      expect(board).toBe(50);
      await shot("orgs");

      await page.goto(url(`/orgs?org=${encodeURIComponent(busiestOrg)}&granularity=week`));
      await page.waitForSelector("[data-chart=org-activity] .recharts-bar-rectangle");
      expect(await page.locator("[data-chart=org-activity] .recharts-legend-item").allTextContents()).toEqual(
        [busiestOrg],
      );
      const rows = page.locator("table.leaderboard tbody tr");
      expect(await rows.count()).toBe(1);
      const orgPapers = all.filter((p) => p.organizationName === busiestOrg);
      expect(await rows.first().locator("td").nth(2).textContent()).toBe(String(orgPapers.length));
      expect(await rows.first().locator("td").nth(3).textContent()).toBe(
        orgPapers.reduce((sum, p) => sum + p.upvotes, 0).toLocaleString("en-US"),
      );
      const csv = await download('a[data-export="/api/export/orgs.csv"]');
      expect(csv.slice(1).map((row) => [row[0], row[2]])).toEqual([[busiestOrg, String(orgPapers.length)]]);

      await page.goto(url(`/orgs/${encodeURIComponent(busiestOrg)}`));
      await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");
      expect(await tableIds()).toHaveLength(Math.min(25, orgPapers.length));
      // Its topics: how many of its papers carry each, most first.
      const orgIds = new Set(orgPapers.map((p) => p.id));
      const orgTopics = countBy(
        topicRows.filter((t) => orgIds.has(t.paperId)),
        (t) => t.topic,
      );
      const shownTopics = await orgTopicsOn(page);
      const counts = shownTopics.map((t) => Number.parseInt(t.value.replaceAll(",", ""), 10));
      expect(new Map(shownTopics.map((t, i) => [t.topic, counts[i]]))).toEqual(orgTopics);
      expect(counts).toEqual([...counts].sort((a, b) => (b ?? 0) - (a ?? 0)));
      await shot("org");
      expect(errors).toEqual([]);
    });

    it("topics: shares per month follow the organisation filter; the CSVs hold the view's data", async () => {
      const page = open();
      const topicsOf = (ids: Set<string>) =>
        countBy(
          topicRows.filter((t) => ids.has(t.paperId)),
          (t) => t.topic,
        );
      expect(topicRows.length).toBeGreaterThan(1000);
      await page.goto(url("/topics"));
      await page.waitForSelector("[data-chart=topic-shares] .recharts-line-curve");
      const everyTopic = topicsOf(new Set(all.map((p) => p.id)));
      expect(await page.locator("[data-chart=topic-shares] .recharts-line-curve").count()).toBe(
        Math.min(8, everyTopic.size),
      );
      await shot("topics");

      await page.locator(`.chips a[data-org="${busiestOrg}"]`).click();
      await page.waitForURL((target) => target.searchParams.getAll("org").join() === busiestOrg);
      await page.waitForSelector("[data-chart=topic-shares] .recharts-line-curve");
      const orgIds = new Set(all.filter((p) => p.organizationName === busiestOrg).map((p) => p.id));
      const expected = topicsOf(orgIds);
      const shown = await page
        .locator("table[data-topics] tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute("data-topic") ?? "", tr.children[1]?.textContent ?? ""]),
        );
      expect(new Map(shown.map(([topic, n]) => [topic ?? "", n ?? ""] as const))).toEqual(
        new Map([...expected].map(([topic, n]) => [topic, String(n)])),
      );

      const csv = await download('a[data-export="/api/export/topics.csv"]');
      const fromCsv = new Map<string, number>();
      for (const row of csv.slice(1))
        fromCsv.set(row[2] ?? "", (fromCsv.get(row[2] ?? "") ?? 0) + Number(row[4]));
      expect(new Map([...fromCsv].filter(([, n]) => n > 0))).toEqual(expected);
      const months = new Set(all.filter((p) => orgIds.has(p.id)).map((p) => p.dailyDate.slice(0, 7)));
      expect(new Set(csv.slice(1).map((row) => row[0]?.slice(0, 7)))).toEqual(months);
      expect(await page.locator("figure[aria-labelledby=topic-shares-title] details tbody tr").count()).toBe(
        months.size,
      );

      const keywords = await download('a[data-export="/api/export/keywords.csv"]');
      const listed = await page.locator("table[data-keywords] tbody tr td:first-child").allTextContents();
      expect(keywords.slice(1).map((row) => row[0])).toEqual(listed.map((k) => expectedText(k)));
      expect(errors).toEqual([]);
    });

    it("compare: two organisations, one line each, their monthly papers and shares as the archive holds them", async () => {
      const page = open();
      const pair = [busiestOrg, secondOrg];
      await page.goto(url(`/compare?${pair.map((o) => `org=${encodeURIComponent(o)}`).join("&")}`));
      await page.waitForSelector("[data-chart=compare] .recharts-line-curve");
      expect(await page.locator("[data-chart=compare] .recharts-line-curve").count()).toBe(2);
      // From the archive itself: per month, the papers naming an organisation and each one's papers.
      const named = new Map<string, number>();
      const ofOrg = new Map<string, number>();
      const months = new Set<string>();
      for (const paper of all) {
        const month = paper.dailyDate.slice(0, 7);
        months.add(month);
        if (!paper.organizationName) continue;
        named.set(month, (named.get(month) ?? 0) + 1);
        if (pair.includes(paper.organizationName)) {
          const key = `${month} ${paper.organizationName}`;
          ofOrg.set(key, (ofOrg.get(key) ?? 0) + 1);
        }
      }
      const csv = await download('a[data-export="/api/export/compare.csv"]');
      const expected = [...months].sort().flatMap((month) =>
        pair.map((org) => {
          const papers = ofOrg.get(`${month} ${org}`) ?? 0;
          const base = named.get(month) ?? 0;
          const share = base > 0 ? String(Math.round((papers / base) * 1e6) / 1e6) : "";
          return [`${month}-01`, expectedText(org), String(papers), share, String(base)];
        }),
      );
      expect(csv.slice(1).map((row) => [row[0], row[1], row[3], row[5], row[6]])).toEqual(expected);
      // The months before Hugging Face named organisations are shaded.
      expect(await page.locator("[data-chart=compare] .org-unnamed").count()).toBe(1);
      await page
        .getByRole("navigation", { name: "Measure" })
        .getByRole("link", { name: "Share of papers" })
        .click();
      await page.waitForURL(/metric=share/);
      await page.waitForSelector("[data-chart=compare] .recharts-line-curve");
      await shot("compare");
      await page.goto(url("/rising?window=7d"));
      await page.locator("table.rising").waitFor();
      await shot("rising");
      expect(errors).toEqual([]);
    });

    it("keyboard: the skip link comes first and moves focus to the content", async () => {
      const page = open();
      await page.goto(url("/papers"));
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    });

    it("is usable on a phone and in dark mode", async () => {
      const page = open();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(url("/"));
      await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot("overview-mobile");
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(url("/orgs"));
      await page.waitForSelector("[data-chart=org-activity] .recharts-bar-rectangle");
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe("rgb(15, 17, 21)");
      await shot("orgs-dark");
      await page.emulateMedia({ colorScheme: "light" });
      expect(errors).toEqual([]);
    });

    it("runs: the import run, the schedule, and Run now against the stand-in Hugging Face", async () => {
      const page = open();
      await page.goto(url("/runs"));
      const importRun = page.locator("tr[data-run-id]").last();
      expect(await importRun.locator("td").nth(1).textContent()).toBe("cli");
      expect(await importRun.locator("[data-status]").textContent()).toBe("succeeded");
      expect(await importRun.locator("td").nth(5).textContent()).toBe("561");
      expect(await page.locator("[data-schedule-off]").count()).toBe(1);
      await shot("runs");

      await page.locator("button[data-run-now]").click();
      await page.waitForURL((target) => /^\/runs\/\d+$/.test(target.pathname));
      expect(new URL(page.url()).searchParams.get("runNow")).toBe("started");
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await page.locator("h1 [data-status]").textContent()) === "running") {
        await page.waitForTimeout(500);
        await page.reload();
      }
      expect(await page.locator("h1 [data-status]").textContent()).toBe("succeeded");
      // Today and yesterday (PAPERPULSE_REFRESH_DAYS=1), one API page each: both shorter than the limit.
      expect(await page.locator("table.run-pages tbody tr").count()).toBeGreaterThanOrEqual(2);
      expect(hf?.requests.some((r) => r.path === "/api/daily_papers")).toBe(true);
      await shot("run");
      expect(errors).toEqual([]);
    }, 90_000);

    it("renders scraped markup and script as text, and links only http(s)", async () => {
      const page = open();
      await page.goto(url(`/papers/${hostileId}`));
      expect(await page.locator("h1").textContent()).toBe(hostileTitle);
      expect(await page.locator("main img").count()).toBe(0);
      expect(await page.locator(".summary").textContent()).toContain("<script>window.__xss=3</script>");
      expect(await page.locator(".link-row a", { hasText: "GitHub" }).count()).toBe(0);
      expect(await page.locator(".link-row a", { hasText: "Project page" }).getAttribute("href")).toBe(
        "https://example.org/project",
      );
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.filter((href) => /^\s*(javascript|data):/i.test(href))).toEqual([]);
      await page.goto(url("/papers?org=hostile-org"));
      expect(await tableIds()).toEqual([hostileId]);
      await page.goto(url("/orgs/hostile-org"));
      expect(await page.locator("h1").textContent()).toBe("<svg onload=window.__xss=5>");
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countBy<T>(items: T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** The Monday starting the ISO week of a YYYY-MM-DD day. */
function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
