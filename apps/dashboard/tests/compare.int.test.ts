import { describeWhen } from "@paperpulse/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser } from "./support/browser";
import { fetchCsv } from "./support/csv";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";

// How organisations and topics compare, in Chromium on both engines over the synthetic seed (./support/synthetic.ts):
// all five papers fall in the ISO week of 2023-02-27, three in February. Four name an organisation: +org-plus has
// 2303.00100 (Feb 27, 10 upvotes), acme has 2303.00200 (Feb 28, 4), 2303.00300 and 2303.00400 (Mar 1, 1 and 2).
// 2303.01000 (Feb 28, 7) names none. Topics: llm on 2303.00100 and 2303.00200 (14 upvotes), video on 2303.00200 and
// 2303.01000 (11).

for (const target of seededTargets()) {
  describeWhen(
    target.available && hasChromium,
    target.missing || chromiumMissing,
    `compare organisations and topics [${target.kind}]`,
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
      /** The data table under a chart: its header cells and its rows' cells. */
      const table = async (id: string) => {
        const figure = open().locator(`figure[aria-labelledby=${id}-title]`);
        return {
          head: await figure.locator("details thead th").allTextContents(),
          rows: await figure
            .locator("details tbody tr")
            .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? ""))),
        };
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

      it("compares organisations from the overview in one click, their shares in two, with the CSV of the chart", async () => {
        const page = open();
        await page.goto(url("/"));
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
        await page.waitForURL(/\/compare$/);
        await page.waitForSelector("[data-chart=compare] .recharts-line", { state: "attached" });
        // Nothing picked: the organisations with the most papers, said so.
        expect(await page.locator("[data-compare-default]").count()).toBe(1);
        expect(await page.locator("[data-chart=compare] .recharts-line").count()).toBe(2);
        expect(await table("compare")).toEqual({
          head: ["Period", "Papers naming an organisation", "acme", "+org-plus"],
          rows: [
            ["Feb 2023", "2", "1", "1"],
            ["Mar 2023", "2", "2", "0"],
          ],
        });
        await page
          .getByRole("navigation", { name: "Measure" })
          .getByRole("link", { name: "Share of papers" })
          .click();
        await page.waitForURL(/metric=share/);
        expect((await table("compare")).rows).toEqual([
          ["Feb 2023", "2", "50%", "50%"],
          ["Mar 2023", "2", "100%", "0%"],
        ]);
        const csvHref = await page.getByRole("link", { name: "Compare CSV" }).getAttribute("href");
        const csv = await fetchCsv(url(csvHref ?? ""));
        expect(csv.rows).toEqual([
          ["period", "series", "label", "papers", "upvotes", "share", "share_of"],
          ["2023-02-01", "acme", "acme", "1", "4", "0.5", "2"],
          ["2023-02-01", "'+org-plus", "'+org-plus", "1", "10", "0.5", "2"],
          ["2023-03-01", "acme", "acme", "2", "3", "1", "2"],
          ["2023-03-01", "'+org-plus", "'+org-plus", "0", "0", "0", "2"],
        ]);
        expect(errors).toEqual([]);
      });

      it("draws the organisations picked, and the overview draws several side by side", async () => {
        const page = open();
        await page.goto(url("/compare?org=%2Borg-plus&metric=upvotes&granularity=week"));
        await page.waitForSelector("[data-chart=compare] .recharts-line", { state: "attached" });
        expect(await page.locator("[data-compare-default]").count()).toBe(0);
        expect(await table("compare")).toEqual({
          head: ["Period", "Papers naming an organisation", "+org-plus"],
          rows: [["week of Feb 27, 2023", "4", "10"]],
        });
        await page.goto(url("/?org=acme&org=%2Borg-plus&granularity=week"));
        await page.waitForSelector("[data-chart=upvotes-by-org] .recharts-line", { state: "attached" });
        expect(await page.locator("[data-chart=upvotes-by-org] .recharts-line").count()).toBe(2);
        expect((await table("upvotes-by-org")).rows).toEqual([["week of Feb 27, 2023", "4", "7", "10"]]);
        expect((await table("papers-by-org")).rows).toEqual([["week of Feb 27, 2023", "4", "3", "1"]]);
        // Not the summed charts.
        expect(await page.locator("[data-chart=upvotes]").count()).toBe(0);
        expect(errors).toEqual([]);
      });

      it("picks several topics with the keyboard, lists papers with any of them, and compares them", async () => {
        const page = open();
        // The view streams in, then hydrates: a disclosure opened before that may be drawn again, closed.
        await page.goto(url("/papers"), { waitUntil: "networkidle" });
        const picker = page.locator("details.topic-picker");
        await picker.locator("summary").focus();
        await page.keyboard.press("Enter");
        await page.getByRole("checkbox", { name: "Video" }).check();
        await page.getByRole("checkbox", { name: "Language models" }).check();
        await page.getByRole("button", { name: "Apply" }).click();
        await page.waitForURL((target) => target.searchParams.getAll("topic").length === 2);
        const ids = () =>
          page
            .locator("table.papers tbody tr")
            .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")).sort());
        expect(await ids()).toEqual(["2303.00100", "2303.00200", "2303.01000"]);
        expect(await picker.locator(".topic-picker-value").textContent()).toBe("Language models, Video");
        await page.getByRole("link", { name: "Remove topic Video" }).click();
        await page.waitForURL((target) => target.searchParams.getAll("topic").join() === "llm");
        expect(await ids()).toEqual(["2303.00100", "2303.00200"]);

        await page.goto(url("/compare?by=topic&metric=upvotes&granularity=week"));
        await page.waitForSelector("[data-chart=compare] .recharts-line", { state: "attached" });
        expect(await table("compare")).toEqual({
          head: ["Period", "Papers", "Language models", "Video"],
          rows: [["week of Feb 27, 2023", "5", "14", "11"]],
        });
        expect(errors).toEqual([]);
      });
    },
  );
}
