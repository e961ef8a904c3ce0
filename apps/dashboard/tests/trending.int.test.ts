import { describeWhen } from "@paperpulse/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, hasChromium, openBrowser } from "./support/browser";
import { fetchCsv } from "./support/csv";
import { asCsvRows, fetchParquet } from "./support/parquet";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";
import { captureB, seedTrendingAt } from "./support/synthetic";

// Hugging Face's trending listing as captured, in Chromium on both engines: the synthetic seed plus one trending
// capture an hour after capture B, of three of its papers in a new order (2303.00200 first).

const trendingAt = new Date(captureB.getTime() + 3_600_000);
const order = ["2303.00200", "2303.01000", "2303.00100"];

for (const target of seededTargets({}, (db) => seedTrendingAt(db, trendingAt, order))) {
  describeWhen(
    target.available && hasChromium,
    target.missing || chromiumMissing,
    `trending listing [${target.kind}]`,
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

      it("shows the newest trending capture in its order with its capture time, one click from the overview", async () => {
        if (!page) throw new Error("no browser page");
        await page.goto(url("/"));
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rising" }).click();
        await page.waitForURL(/\/rising$/);
        const section = page.locator("[data-trending]");
        expect(await section.locator("[data-trending-captured]").getAttribute("data-trending-captured")).toBe(
          trendingAt.toISOString(),
        );
        const rows = section.locator("tbody tr");
        expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-paper-id")))).toEqual(
          order,
        );
        expect(await rows.first().locator("td").first().textContent()).toBe("1");
        // The CSV is the table, with the capture time on each row.
        const href = await page.getByRole("link", { name: "Trending CSV" }).getAttribute("href");
        const csv = await fetchCsv(url(href ?? ""));
        expect(csv.rows[0]).toEqual([
          "position",
          "id",
          "title",
          "daily_date",
          "organization",
          "upvotes",
          "captured_at",
        ]);
        expect(csv.rows.slice(1).map((row) => [row[0], row[1], row[6]])).toEqual(
          order.map((id, i) => [String(i + 1), id, trendingAt.toISOString()]),
        );
        // The same rows as Parquet, typed, read back by hyparquet.
        const parquet = await fetchParquet(url((href ?? "").replace("trending.csv", "trending.parquet")));
        expect(parquet.types).toMatchObject({ position: "INT32", captured_at: "INT64 TIMESTAMP_MILLIS" });
        expect(asCsvRows(parquet)).toEqual(csv.rows);
        // Filtered, the places stay Hugging Face's.
        await page.goto(url("/rising?org=acme"));
        expect(
          await page
            .locator("[data-trending] tbody tr")
            .evaluateAll((trs) =>
              trs.map((tr) => [tr.children[0]?.textContent, tr.getAttribute("data-paper-id")]),
            ),
        ).toEqual([["1", "2303.00200"]]);
        expect(errors).toEqual([]);
      });
    },
  );
}
