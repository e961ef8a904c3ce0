import { describeWhen } from "@paperpulse/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser } from "./support/browser";
import { fetchCsv } from "./support/csv";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";

// What a researcher asks first, "what is hot now", and what an organisation view leaves out, in Chromium on both engines over the synthetic seed
// (./support/synthetic.ts; the gains are worked out in export.int.test.ts): from the overview, Rising is one click,
// the week's gains a second; every view offers quick ranges ending at the newest stored day (2023-03-01).

const byDay = ["2303.00100", "2303.00400", "2303.00300", "2303.00200", "2303.01000"];
const byWeek = ["2303.00100", "2303.01000", "2303.00200", "2303.00400", "2303.00300"];

for (const target of seededTargets()) {
  describeWhen(
    target.available && hasChromium,
    target.missing || chromiumMissing,
    `hot now and what is missing [${target.kind}]`,
    () => {
      let started: StartedTarget | undefined;
      let browser: Browser | undefined;
      let page: Page | undefined;
      let errors: string[] = [];
      const url = (path: string) => `${started?.server.url ?? ""}${path}`;
      const open = () => {
        if (!page) throw new Error("no browser page");
        return page;
      };
      const rowIds = () =>
        open()
          .locator("table.rising tbody tr")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id") ?? ""));

      beforeAll(async () => {
        started = await target.start();
        ({ browser, page, errors } = await openBrowser());
      });
      afterAll(async () => {
        await browser?.close();
        await started?.server.stop();
        await started?.cleanup();
      });

      it("reaches the papers gaining most from the overview in one click, and the week's in two", async () => {
        const page = open();
        await page.goto(url("/"));
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rising" }).click();
        await page.waitForURL(/\/rising$/);
        expect(await rowIds()).toEqual(byDay);
        expect(await page.locator("table.rising caption").textContent()).toContain("last 24 hours");
        // The seed holds no trending capture: the view says how to get one.
        expect(await page.locator("[data-trending-missing]").textContent()).toContain("pnpm scrape trending");
        // Each day's most upvoted paper says so: 2303.00100, 2303.00400 and 2303.01000 lead their days.
        const first = await page
          .locator("table.rising tbody tr:has([data-day-first])")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")));
        expect(first).toEqual(["2303.00100", "2303.00400", "2303.01000"]);
        expect(await page.locator("tr[data-paper-id='2303.01000'] td").nth(4).textContent()).toBe("unknown");
        expect(await page.locator("tr[data-paper-id='2303.00200'] td").nth(4).textContent()).toBe("-1");
        await page.getByRole("link", { name: "Last 7 days" }).click();
        await page.waitForURL(/window=7d/);
        expect(await rowIds()).toEqual(byWeek);
        // The CSV link is the table.
        const csvHref = await page.getByRole("link", { name: "Rising CSV" }).getAttribute("href");
        const csv = await fetchCsv(url(csvHref ?? ""));
        expect(csv.rows.slice(1).map((row) => row[0])).toEqual(byWeek);
        expect(errors).toEqual([]);
      });

      it("offers quick ranges on every view, ending at the newest stored day, keeping the other filters", async () => {
        const page = open();
        for (const path of ["/", "/papers", "/orgs", "/topics", "/rising"]) {
          await page.goto(url(`${path}?org=acme`));
          const ranges = page.getByRole("navigation", { name: "Quick date ranges" });
          // The views stream: the filters arrive with the content, after the loading state.
          await ranges.waitFor();
          expect(await ranges.getByRole("link").allTextContents(), path).toEqual([
            "Latest day",
            "7 days",
            "30 days",
            "This year",
            "All time",
          ]);
          expect(await ranges.locator("[aria-current=true]").textContent(), path).toBe("All time");
          const week = new URL(
            url((await ranges.getByRole("link", { name: "7 days" }).getAttribute("href")) ?? ""),
          );
          expect(week.pathname).toBe(path);
          expect(week.searchParams.get("from"), path).toBe("2023-02-23");
          expect(week.searchParams.getAll("org"), path).toEqual(["acme"]);
        }
        // On the papers view, the latest day keeps only its papers, and the range shows as chosen.
        await page.goto(url("/papers"));
        await page
          .getByRole("navigation", { name: "Quick date ranges" })
          .getByRole("link", { name: "Latest day" })
          .click();
        await page.waitForURL(/from=2023-03-01/);
        const ids = await page
          .locator("table.papers tbody tr")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")));
        expect(ids.sort()).toEqual(["2303.00300", "2303.00400"]);
        expect(
          await page
            .getByRole("navigation", { name: "Quick date ranges" })
            .locator("[aria-current=true]")
            .textContent(),
        ).toBe("Latest day");
        expect(errors).toEqual([]);
      });

      it("says on organisation views when Hugging Face began naming organisations and how many papers name none", async () => {
        const page = open();
        const note = page.locator("[data-org-coverage]");
        // p1 (2023-02-27) is the first paper naming one; p3 is the only one of the five naming none.
        await page.goto(url("/orgs"));
        expect(await note.getAttribute("data-named-since")).toBe("2023-02-27");
        expect(await note.textContent()).toBe(
          "Hugging Face names organisations on papers from Feb 27, 2023: no earlier paper matches an organisation. " +
            "1 of the 5 papers matching the other filters (20%) name none.",
        );
        await page.goto(url("/orgs/acme"));
        expect(await note.count()).toBe(1);
        // A filtered view says it too, for the other filters; an unfiltered one does not.
        await page.goto(url("/papers?org=acme&from=2023-02-28"));
        expect(await note.textContent()).toContain(
          "1 of the 4 papers matching the other filters (25%) name none.",
        );
        await page.goto(url("/papers"));
        expect(await note.count()).toBe(0);
        expect(errors).toEqual([]);
      });

      it("links a keyword, rising or on a paper, to exactly the papers it counts", async () => {
        const page = open();
        // March 1 against February 28: "agents" rose from 1 of 2 papers to 2 of 2 (p4 and p5).
        await page.goto(url("/topics?from=2023-03-01&to=2023-03-01&minCount=1"));
        const agents = page.locator("table[data-keywords] a", { hasText: "agents" });
        expect(await agents.getAttribute("data-keyword-papers")).toBe("2");
        await agents.click();
        await page.waitForURL(/keyword=agents/);
        const ids = () =>
          page
            .locator("table.papers tbody tr")
            .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")).sort());
        expect(await ids()).toEqual(["2303.00300", "2303.00400"]);
        // The keyword shows as a filter of its own, removable.
        expect(await page.getByRole("link", { name: "Remove keyword agents" }).count()).toBe(1);
        await page.goto(url("/papers/2303.00300"));
        const chips = page.getByRole("list", { name: "Keywords" }).getByRole("link");
        expect(await chips.allTextContents()).toEqual(["agents", "=sum"]);
        // Without a date range: every paper carrying it (p2 too).
        await chips.first().click();
        await page.waitForURL(/keyword=agents$/);
        expect(await ids()).toEqual(["2303.00200", "2303.00300", "2303.00400"]);
        expect(errors).toEqual([]);
      });

      it("shows a paper's place in the listing over time and whether it leads its day", async () => {
        const page = open();
        // p2, featured on 2023-02-28: second in capture A's listing (33 hours after), third in capture B's (66.5
        // hours after); second of its day by upvotes.
        await page.goto(url("/papers/2303.00200"));
        const rows = page.locator("[data-rank-history] tbody tr");
        expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent))).toEqual([
          "33 h#2",
          "2 d 19 h#3",
        ]);
        expect(await page.locator("[data-rank-history] p").textContent()).toContain(
          "now #2 of its day's papers",
        );
        expect(await page.locator(".page-head [data-day-first]").count()).toBe(0);
        // p1 led its listing both times and leads its day.
        await page.goto(url("/papers/2303.00100"));
        expect(await rows.count()).toBe(1);
        expect(await page.locator(".page-head [data-day-first]").textContent()).toBe("#1 of the day");
        expect(errors).toEqual([]);
      });

      it("shades the periods whose papers are younger than 14 days, and says so in the data table", async () => {
        const page = open();
        // The newest day is 2023-03-01: every day from 2023-02-16 on is still rising, so all three days here.
        await page.goto(url("/"));
        await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");
        expect(await page.locator("[data-chart=upvotes] .recharts-reference-area").count()).toBe(1);
        expect(await page.locator("#upvotes-desc").textContent()).toContain(
          "Papers featured from Feb 16, 2023 on are younger than 14 days",
        );
        const lastCells = (selector: string) =>
          page.locator(`${selector} details tbody tr td:last-child`).allTextContents();
        expect(await lastCells("figure[aria-labelledby=upvotes-title]")).toEqual(["yes", "yes", "yes"]);
        // An organisation's monthly trend: February and March both hold days still rising.
        await page.goto(url("/orgs/acme"));
        await page.waitForSelector("[data-chart=upvotes] .recharts-bar-rectangle");
        expect(await page.locator("[data-chart=upvotes] .recharts-reference-area").count()).toBe(1);
        expect(await lastCells("figure[aria-labelledby=org-trend-title]")).toEqual(["yes", "yes"]);
        expect(errors).toEqual([]);
      });
    },
  );
}
