import { groupOrgs } from "@paperpulse/db";
import { describeWhen } from "@paperpulse/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser } from "./support/browser";
import { fetchCsv } from "./support/csv";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";

// Organisation groups in Chromium on both engines: the synthetic seed (./support/synthetic.ts) with its two
// organisations grouped as "Acme Group" (acme: 3 papers, 7 upvotes; +org-plus: 1 paper, 10 upvotes).

const group = "Acme Group";

for (const target of seededTargets({}, async (db) => {
  await groupOrgs(db, group, ["acme", "+org-plus"]);
})) {
  describeWhen(
    target.available && hasChromium,
    target.missing || chromiumMissing,
    `organisation groups [${target.kind}]`,
    () => {
      let started: StartedTarget | undefined;
      let browser: Browser | undefined;
      let page: Page | undefined;
      let errors: string[] = [];
      const url = (path: string) => `${started?.server.url ?? ""}${path}`;

      beforeAll(async () => {
        started = await target.start();
        ({ browser, page, errors } = await openBrowser());
      });
      afterAll(async () => {
        await browser?.close();
        await started?.server.stop();
        await started?.cleanup();
      });

      it("shows groups instead of names in one click, on every view the filters follow to", async () => {
        if (!page) throw new Error("no browser page");
        await page.goto(url("/orgs"));
        const names = () =>
          page?.locator("table.leaderboard tbody tr td:nth-child(2) a").allTextContents() ??
          Promise.resolve([]);
        expect(await names()).toEqual(["acme", "+org-plus"]);
        await page
          .getByRole("navigation", { name: "Organisations shown as" })
          .getByRole("link", { name: "Groups" })
          .click();
        await page.waitForURL(/groups=1/);
        expect(await names()).toEqual([group]);
        // The CSV is the table: the group with its organisations' papers and upvotes added up.
        const csv = await fetchCsv(url("/api/export/orgs.csv?groups=1"));
        expect(csv.rows.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([[group, "4", "17"]]);
        // A group's link lists every paper of its organisations; the mode follows the reader to other views.
        await page.locator("table.leaderboard tbody tr td:nth-child(2) a").first().click();
        await page.waitForURL(/\/papers\?/);
        const ids = await page
          .locator("table.papers tbody tr")
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")).sort());
        expect(ids).toEqual(["2303.00100", "2303.00200", "2303.00300", "2303.00400"]);
        const compare = await page
          .getByRole("navigation", { name: "Main" })
          .getByRole("link", { name: "Compare" })
          .getAttribute("href");
        expect(compare).toContain("groups=1");
        // Back to names: the organisations as Hugging Face names them, nothing stored was changed.
        await page.goto(url("/orgs?groups=1"));
        await page
          .getByRole("navigation", { name: "Organisations shown as" })
          .getByRole("link", { name: "Names" })
          .click();
        await page.waitForURL((target) => !target.searchParams.has("groups"));
        expect(await names()).toEqual(["acme", "+org-plus"]);
        expect(errors).toEqual([]);
      });
    },
  );
}
