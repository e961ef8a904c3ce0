import { describeWhen } from "@paperpulse/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser } from "./support/browser";
import { fetchCsv } from "./support/csv";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";

// Who writes the papers, in Chromium on both engines over the synthetic seed (./support/synthetic.ts: Alice under
// two spellings of one account, Bob and "=Eve" without one, Carl with one): from the overview the leaderboard is
// one click, an author's page a second, and what they show is what their CSVs hold.

const byPapers = ["/authors/u/alice-ex", "/authors/n/Bob%20Example", "/authors/u/carl", "/authors/n/%3DEve"];
const byUpvotes = ["/authors/u/alice-ex", "/authors/u/carl", "/authors/n/Bob%20Example", "/authors/n/%3DEve"];

for (const target of seededTargets()) {
  describeWhen(
    target.available && hasChromium,
    target.missing || chromiumMissing,
    `authors [${target.kind}]`,
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
      const authorRows = () =>
        open()
          .locator("table.authors tbody tr")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-author") ?? ""));
      const paperIds = () =>
        open()
          .locator("table.papers tbody tr")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id") ?? ""));
      const stat = (label: string) =>
        open().locator(".stat", { hasText: label }).locator(".stat-value").textContent();
      const csvOf = async (label: string) => {
        const href = await open().getByRole("link", { name: label }).getAttribute("href");
        return (await fetchCsv(url(href ?? ""))).rows;
      };

      beforeAll(async () => {
        started = await target.start();
        ({ browser, page, errors } = await openBrowser());
      });
      afterAll(async () => {
        await browser?.close();
        await started?.server.stop();
        await started?.cleanup();
      });

      it("ranks the authors from the overview in one click, as their CSV does", async () => {
        const page = open();
        await page.goto(url("/"));
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Authors" }).click();
        await page.waitForURL(/\/authors$/);
        expect(await authorRows()).toEqual(byPapers);
        expect(await page.locator("#authors-title").textContent()).toBe("Top 4 of 4 authors");
        // A real table: caption, column headers, the ranking column marked as sorted.
        const table = page.getByRole("table", { name: "Authors ranked by papers, 1–4 of 4" });
        expect(await table.getByRole("columnheader").allTextContents()).toEqual([
          "#",
          "Author",
          "Papers",
          "Upvotes",
          "Organisations",
          "First paper",
          "Last paper",
        ]);
        expect(await table.locator("th[aria-sort=descending]").textContent()).toBe("Papers");
        const shown = await page
          .locator("table.authors tbody tr")
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll("td")].slice(1, 5).map((td) => td.textContent ?? "")),
          );
        expect(shown).toEqual([
          ["Alice Example@alice-ex", "3", "15", "acme, +org-plus"],
          ["Bob Exampleno Hugging Face account", "3", "7", "acme"],
          ["Carl Example@carl", "1", "10", "+org-plus"],
          ["=Eveno Hugging Face account", "1", "7", "—"],
        ]);
        const csv = await csvOf("Authors CSV");
        expect(csv.slice(1).map((row) => [row[0], row[1], row[3], row[4]])).toEqual([
          ["1", "Alice Example", "3", "15"],
          ["2", "Bob Example", "3", "7"],
          ["3", "Carl Example", "1", "10"],
          ["4", "'=Eve", "1", "7"],
        ]);
        await page
          .getByRole("navigation", { name: "Rank by" })
          .getByRole("link", { name: "Upvotes" })
          .click();
        await page.waitForURL(/sort=upvotes/);
        expect(await authorRows()).toEqual(byUpvotes);
        expect((await csvOf("Authors CSV")).slice(1).map((row) => row[1])).toEqual([
          "Alice Example",
          "Carl Example",
          "Bob Example",
          "'=Eve",
        ]);
        expect(errors).toEqual([]);
      });

      it("opens an author's page from the leaderboard by keyboard, with the counts of the CSVs", async () => {
        const page = open();
        await page.goto(url("/authors"));
        const link = page.locator("table.authors").getByRole("link", { name: "Alice Example" });
        await link.focus();
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/authors\/u\/alice-ex$/);
        expect(await page.locator("h1").textContent()).toBe("Alice Example");
        expect(await page.title()).toBe("Alice Example · Paperpulse");
        // Her page's total is the leaderboard's, and the papers listed are those of her papers CSV.
        const board = (await fetchCsv(url("/api/export/authors.csv"))).rows.find(
          (row) => row[2] === "alice-ex",
        );
        expect(await stat("papers, all time")).toBe(board?.[3]);
        expect(await stat("upvotes, all time")).toBe(board?.[4]);
        const papers = await csvOf("Papers CSV");
        expect(papers.length - 1).toBe(Number(board?.[3]));
        expect(await paperIds()).toEqual(papers.slice(1).map((row) => row[0]));
        expect(await paperIds()).toEqual(["2303.00300", "2303.00200", "2303.00100"]);
        // Papers per month, as a table too: February (2303.00100, 2303.00200) and March (2303.00300).
        await page.waitForSelector("[data-chart=papers] .recharts-bar-rectangle");
        const months = page.locator("figure[aria-labelledby=author-months-title] details tbody tr");
        expect(await months.evaluateAll((trs) => trs.map((tr) => tr.textContent))).toEqual([
          "Feb 2023214",
          "Mar 202311",
        ]);
        const cells = (selector: string) =>
          page
            .locator(`${selector} tbody tr`)
            .evaluateAll((trs) =>
              trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
            );
        expect(await cells("[data-author-orgs]")).toEqual([
          ["acme", "2"],
          ["+org-plus", "1"],
        ]);
        expect(await cells("[data-coauthors]")).toEqual([
          ["Bob Example", "2"],
          ["Carl Example", "1"],
        ]);
        // Another spelling of her account finds her; a co-author's link opens his page.
        expect(await page.locator(".page-head").textContent()).toContain("also written A. Example");
        await page.locator("[data-coauthors]").getByRole("link", { name: "Bob Example" }).click();
        await page.waitForURL(/\/authors\/n\/Bob%20Example$/);
        expect(await stat("papers, all time")).toBe("3");
        expect(errors).toEqual([]);
      });

      it("keeps the filters from the leaderboard to the author's page and its CSV", async () => {
        const page = open();
        await page.goto(url("/authors?org=acme"));
        expect(await authorRows()).toEqual(["/authors/n/Bob%20Example", "/authors/u/alice-ex"]);
        await page.locator("table.authors").getByRole("link", { name: "Alice Example" }).click();
        await page.waitForURL(/\/authors\/u\/alice-ex\?org=acme$/);
        expect(await page.locator("[data-author-matching]").getAttribute("data-author-matching")).toBe("2");
        expect(await paperIds()).toEqual(["2303.00300", "2303.00200"]);
        expect((await csvOf("Papers CSV")).slice(1).map((row) => row[0])).toEqual([
          "2303.00300",
          "2303.00200",
        ]);
        // All time stays all time.
        expect(await stat("papers, all time")).toBe("3");
        expect(errors).toEqual([]);
      });

      it("links a paper's authors to their pages, and answers an unknown author with the not-found page", async () => {
        const page = open();
        await page.goto(url("/papers/2303.00200"));
        const authors = page.getByRole("list", { name: "Authors" }).getByRole("link");
        expect(await authors.allTextContents()).toEqual(["A. Example", "Bob Example"]);
        expect(await authors.first().getAttribute("href")).toBe("/authors/u/Alice-Ex");
        await authors.first().click();
        await page.waitForURL(/\/authors\/u\/Alice-Ex$/);
        expect(await page.locator("h1").textContent()).toBe("Alice Example");
        expect(errors).toEqual([]);
        // Fetched rather than opened: the browser reports a 404 as a console error.
        const missing = await fetch(url("/authors/u/nobody-here"));
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain("There is no such paper, organisation, author or run here");
      });
    },
  );
}
