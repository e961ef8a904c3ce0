import { readFileSync } from "node:fs";
import { type Db, getLatestTrending, selectRows } from "@paperpulse/db";
import { describeEachDatabase, describeWithFixtures, hfFixture } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type HfTestServer,
  pagedApiRoute,
  type Route,
  startHfTestServer,
} from "../../testing/hf-test-server.ts";
import type { Target } from "../sources/targets.ts";
import { scrapeTargets } from "./scrape-targets.ts";

const day = (value: string): Target => ({ kind: "date", value });

// Synthetic API items: the shape of Hugging Face's, none of its content.
function syntheticItem(id: string, upvotes: number, submittedOnDailyAt?: string) {
  return {
    paper: {
      id,
      title: `Synthetic ${id}`,
      summary: "Synthetic abstract.",
      authors: [{ name: "Ada Example", hidden: false }],
      publishedAt: "2024-08-04T00:00:00.000Z",
      upvotes,
      ...(submittedOnDailyAt ? { submittedOnDailyAt } : {}),
    },
    numComments: 1,
  };
}

async function dumpState(db: Db) {
  return selectRows(
    db,
    sql`select p.id, p.title, p.upvotes, p.comments, p.daily_date::text, p.last_seen_at,
          (select count(*)::int from paper_snapshots s where s.paper_id = p.id) as snapshots,
          (select count(*)::int from paper_authors a where a.paper_id = p.id) as authors
        from papers p order by p.id`,
  );
}

describeWithFixtures("live runs against a local server in Hugging Face's URL scheme", () => {
  const pageHtml = () => readFileSync(hfFixture("papers_page_date_2024-08-01.html"), "utf8");
  const apiItems = () =>
    JSON.parse(readFileSync(hfFixture("daily_papers_api_2026-07-31.json"), "utf8")) as unknown[];
  const apiByDate = new Map<string, unknown[] | string>();
  // The trending listing: papers of several days, in Hugging Face's order; tests reorder it.
  const trendingAtFirst = ["2409.70001", "2409.70002", "2409.70003"].map((id, i) =>
    syntheticItem(id, 30 - i, `2024-09-0${i + 1}T00:00:00.000Z`),
  );
  let trending = trendingAtFirst;
  let server: HfTestServer;

  beforeAll(async () => {
    server = await startHfTestServer();
    const html = pageHtml();
    server.route("/papers/date/2024-08-01", () => ({ body: html }));
    server.route("/papers/date/2024-08-02", () => ({
      body: "<html><body><h1>Daily Papers</h1></body></html>",
    }));
    // A required field renamed inside the escaped payload: the shape drifted.
    server.route("/papers/date/2024-08-03", () => ({
      body: html.replace("&quot;upvotes&quot;:", "&quot;upvotez&quot;:"),
    }));
    const emptyProps = JSON.stringify({ dailyPapers: [], date: "2024-08-10T00:00:00.000Z" }).replaceAll(
      '"',
      "&quot;",
    );
    server.route("/papers/date/2024-08-10", () => ({
      body: `<html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${emptyProps}"></div></body></html>`,
    }));
    // A listing asked for, and dated, far ahead of the clock.
    server.route("/papers/date/2099-08-10", () => ({
      body: `<html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${emptyProps.replace("2024-08-10", "2099-08-10")}"></div></body></html>`,
    }));
    apiByDate.set("2026-07-31", apiItems());
    // A Friday's listing, repeated as it is on the Saturday and Sunday after it.
    const friday = ["2409.60001", "2409.60002", "2409.60003"].map((id, i) =>
      syntheticItem(id, 10 + i, "2024-09-06T00:00:00.000Z"),
    );
    for (const date of ["2024-09-06", "2024-09-07", "2024-09-08"]) apiByDate.set(date, friday);
    for (const [date, count] of [
      ["2024-09-02", 230],
      ["2024-09-03", 200],
    ] as const) {
      const items = Array.from({ length: count }, (_, i) =>
        syntheticItem(`2409.${date.slice(-1)}${String(i).padStart(4, "0")}`, i % 50, `${date}T00:00:00.000Z`),
      );
      apiByDate.set(date, items);
    }
    apiByDate.set("2024-08-04", "<html><body>502 Bad Gateway</body></html>");
    apiByDate.set("2024-08-05", []);
    apiByDate.set("2024-08-07", [
      syntheticItem("2408.90011", 4, "2024-08-07T00:00:00.000Z"),
      syntheticItem("2408.90012", 2, "2099-03-01T00:00:00.000Z"),
    ]);
    apiByDate.set("2024-08-08", [syntheticItem("2408.90013", 6, "2024-08-08T00:00:00.000Z")]);
    apiByDate.set("2024-08-09", [syntheticItem("2408.90014", 1, "2021-03-01T00:00:00.000Z")]);
    apiByDate.set("2024-08-06", [
      syntheticItem("2408.90001", 3),
      syntheticItem("2408.90001", 5),
      syntheticItem("2408.90002", 1),
    ]);
    const api: Route = (request) => {
      if (request.query.get("sort") === "trending") return pagedApiRoute(trending, 100)(request);
      const data = apiByDate.get(request.query.get("date") ?? "");
      if (typeof data === "string") return { body: data };
      return pagedApiRoute(data ?? [], 100)(request);
    };
    server.route("/api/daily_papers", api);
  });
  afterAll(async () => {
    await server.close();
  });

  const run = (db: Db, targets: Target[], source: "page" | "api") =>
    scrapeTargets(db, targets, {
      source,
      trigger: "cli",
      command: "test",
      fetcher: { baseUrl: server.baseUrl, attempts: 1, maxRequests: 20, allowPrivateHosts: true },
    });

  describeEachDatabase("scrapeTargets", (getDb) => {
    it("stores a day's papers from its listing page, naming itself in the User-Agent", async () => {
      const html = pageHtml();
      const expectedIds = [
        ...new Set([...html.matchAll(/<h3[^>]*><a href="\/papers\/([\d.]+)"/g)].map((m) => m[1])),
      ];
      expect(expectedIds).toHaveLength(13);
      const before = server.requests.length;
      const summary = await run(getDb(), [day("2024-08-01")], "page");
      expect(summary).toMatchObject({
        status: "succeeded",
        pages: 1,
        items: 13,
        newPapers: 13,
        snapshots: 13,
        requests: 1,
      });
      // robots.txt is read once per run before the listing.
      const sent = server.requests.slice(before).filter((r) => r.path !== "/robots.txt");
      expect(sent.map((r) => r.path)).toEqual(["/papers/date/2024-08-01"]);
      expect(sent[0]?.headers["user-agent"]).toMatch(/^Paperpulse\//);
      const rows = await selectRows<{ id: string; daily_date: string; upvotes: number; comments: number }>(
        getDb(),
        sql`select id, daily_date::text, upvotes, comments from papers where daily_date = '2024-08-01' order by id`,
      );
      expect(rows.map((r) => r.id).sort()).toEqual([...expectedIds].sort());
      expect(rows.find((r) => r.id === "2407.21783")).toMatchObject({ upvotes: 94, comments: 5 });
    });

    it("keeps the trending listing's order at each capture, even when nothing changed", async () => {
      trending = trendingAtFirst;
      const latestIds = async () =>
        (await getLatestTrending(getDb(), { orgs: [] })).rows.map((row) => row.id);
      const first = await run(getDb(), [{ kind: "trending" }], "api");
      expect(first).toMatchObject({ status: "succeeded", items: 3, snapshots: 3 });
      // The same listing again: change-only snapshots add nothing, but the capture and its order are kept.
      const again = await run(getDb(), [{ kind: "trending" }], "api");
      expect(again).toMatchObject({ status: "succeeded", items: 3, snapshots: 0 });
      const [page] = await selectRows<{ captured_at: Date | string }>(
        getDb(),
        sql`select captured_at from scrape_pages where run_id = ${again.runId}`,
      );
      const latest = await getLatestTrending(getDb(), { orgs: [] });
      expect(latest.capturedAt?.toISOString()).toBe(new Date(page?.captured_at ?? 0).toISOString());
      expect(await latestIds()).toEqual(["2409.70001", "2409.70002", "2409.70003"]);
      trending = [trending[2], trending[0], trending[1]].flatMap((item) => (item ? [item] : []));
      await run(getDb(), [{ kind: "trending" }], "api");
      expect(await latestIds()).toEqual(["2409.70003", "2409.70001", "2409.70002"]);
    });

    it("asks for one page when the listing is shorter than the limit", async () => {
      const items = apiItems();
      const before = server.requests.length;
      const summary = await run(getDb(), [day("2026-07-31")], "api");
      const sent = server.requests.slice(before).filter((r) => r.path !== "/robots.txt");
      expect(sent.map((r) => [r.query.get("date"), r.query.get("p"), r.query.get("limit")])).toEqual([
        ["2026-07-31", "0", "100"],
      ]);
      expect(summary).toMatchObject({
        status: "succeeded",
        pages: 1,
        items: items.length,
        snapshots: items.length,
      });
    });

    it.each([
      // 230 papers: two full pages, then a short one that ends the listing.
      ["2024-09-02", 230, ["0", "1", "2"]],
      // 200 papers: two full pages; only the empty third says there is no more.
      ["2024-09-03", 200, ["0", "1", "2"]],
    ] as const)(
      "pages through a long API listing (%s, %i papers) until a short page, one snapshot per paper",
      async (date, count, pages) => {
        const before = server.requests.length;
        const summary = await run(getDb(), [day(date)], "api");
        const sent = server.requests.slice(before).filter((r) => r.path !== "/robots.txt");
        expect(sent.map((r) => [r.query.get("date"), r.query.get("p"), r.query.get("limit")])).toEqual(
          pages.map((p) => [date, p, "100"]),
        );
        expect(summary).toMatchObject({ status: "succeeded", items: count, snapshots: count });
        const [stored] = await selectRows<{ n: number }>(
          getDb(),
          sql`select count(distinct s.paper_id)::int as n from paper_snapshots s where s.run_id = ${summary.runId}`,
        );
        expect(stored?.n).toBe(count);
      },
    );

    it("stores one snapshot per paper per run when a weekend listing repeats the Friday's papers", async () => {
      const summary = await run(getDb(), [day("2024-09-06"), day("2024-09-07"), day("2024-09-08")], "api");
      expect(summary).toMatchObject({
        status: "succeeded",
        pages: 3,
        items: 9,
        snapshots: 3,
        requestsPerDay: 1,
      });
      const rows = await selectRows<{ id: string; daily_date: string; n: number }>(
        getDb(),
        sql`select p.id, to_char(p.daily_date, 'YYYY-MM-DD') as daily_date, count(s.id)::int as n
              from papers p join paper_snapshots s on s.paper_id = p.id and s.run_id = ${summary.runId}
             group by p.id order by p.id`,
      );
      // Each paper once, on its own day, not on the Saturday or Sunday that repeated it.
      expect(rows).toEqual(
        ["2409.60001", "2409.60002", "2409.60003"].map((id) => ({ id, daily_date: "2024-09-06", n: 1 })),
      );
    });

    it("fails a page with neither payload nor cards, writing nothing", async () => {
      const before = await dumpState(getDb());
      const summary = await run(getDb(), [day("2024-08-02")], "page");
      expect(summary).toMatchObject({ status: "failed", items: 0, pagesFailed: 1, errorCode: "NO_LISTING" });
      expect(await dumpState(getDb())).toEqual(before);
    });

    it("rejects a payload whose required field is missing, naming its path, writing nothing", async () => {
      const before = await dumpState(getDb());
      const summary = await run(getDb(), [day("2024-08-03")], "page");
      expect(summary).toMatchObject({ status: "failed", errorCode: "SCHEMA_DRIFT" });
      expect(summary.failures[0]?.message).toMatch(/dailyPapers\[0\]\.paper\.upvotes/);
      expect(await dumpState(getDb())).toEqual(before);
    });

    it("fails a non-JSON API body, writing nothing", async () => {
      const before = await dumpState(getDb());
      const summary = await run(getDb(), [day("2024-08-04")], "api");
      expect(summary).toMatchObject({ status: "failed", errorCode: "BAD_JSON" });
      expect(await dumpState(getDb())).toEqual(before);
    });

    it("treats an empty list as a day without papers, not as a failure", async () => {
      const before = await dumpState(getDb());
      const api = await run(getDb(), [day("2024-08-05")], "api");
      expect(api).toMatchObject({ status: "succeeded", pages: 1, items: 0, pagesFailed: 0 });
      const page = await run(getDb(), [day("2024-08-10")], "page");
      expect(page).toMatchObject({ status: "succeeded", pages: 1, items: 0, pagesFailed: 0 });
      expect(await dumpState(getDb())).toEqual(before);
    });

    it("stores a paper repeated in a response once, and a repeated run adds no paper", async () => {
      const first = await run(getDb(), [day("2024-08-06")], "api");
      expect(first).toMatchObject({ status: "succeeded", items: 2, newPapers: 2, snapshots: 2 });
      const second = await run(getDb(), [day("2024-08-06")], "api");
      expect(second).toMatchObject({ status: "succeeded", newPapers: 0, snapshots: 0 });
      const rows = await selectRows<{ upvotes: number; snapshots: number; confirmed: boolean }>(
        getDb(),
        sql`select upvotes, (select count(*)::int from paper_snapshots s where s.paper_id = p.id) as snapshots,
              confirmed_at = (select max(captured_at) from scrape_pages where run_id = ${second.runId}) as confirmed
            from papers p where id = '2408.90001'`,
      );
      // The first occurrence wins inside one response. The second run saw the same counts: no second snapshot,
      // the paper's confirmed time moved to that run's capture instead.
      expect(rows).toEqual([{ upvotes: 3, snapshots: 1, confirmed: true }]);
    });

    it("fails a page holding a daily date after tomorrow or before May 2023, naming the field; other pages stored", async () => {
      const before = await dumpState(getDb());
      const summary = await run(getDb(), [day("2024-08-07"), day("2024-08-08"), day("2024-08-09")], "api");
      expect(summary).toMatchObject({ status: "partial", pagesFailed: 2, errorCode: "BAD_DATE" });
      const messages = summary.failures.map((failure) => failure.message);
      expect(messages[0]).toMatch(
        /papers\[1\] \(2408\.90012\) submittedOnDailyAt 2099-03-01 is after tomorrow/,
      );
      expect(messages[1]).toMatch(
        /submittedOnDailyAt 2021-03-01 is before the daily papers began \(2023-05-01\)/,
      );
      const after = await dumpState(getDb());
      // Nothing of the failed pages, not even their good paper; the good day in full.
      const ids = (rows: unknown[]) => rows.map((row) => (row as { id: string }).id);
      expect(ids(after)).toEqual([...ids(before), "2408.90013"].sort());
      const listing = await run(getDb(), [day("2099-08-10")], "page");
      expect(listing).toMatchObject({ status: "failed", errorCode: "BAD_DATE" });
      expect(listing.failures[0]?.message).toMatch(/listing date 2099-08-10 is after tomorrow/);
    });

    it("runs a range as one run, partial when some days fail", async () => {
      const summary = await run(getDb(), [day("2024-08-01"), day("2024-08-02")], "page");
      expect(summary).toMatchObject({ status: "partial", pages: 2, pagesFailed: 1 });
    });
  });
});
