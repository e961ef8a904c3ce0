import { describeWhen } from "@paperpulse/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { read as readWorkbook, utils as workbookUtils } from "xlsx";
import { fetchCsv } from "./support/csv";
import {
  arbitraryQuery,
  detailRoutes,
  dotSegmentPaths,
  exportRoutes,
  type HostileCase,
  hostileCases,
  hostileSegments,
  invalidFor,
  pageRoutes,
  type Route,
  rawRequest,
  runNowCases,
  withQuery,
} from "./support/hostile";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";
import { A, B, papersHeader, rowsFor } from "./support/synthetic";

// The CSV routes against the built app (serve.mjs), once on an embedded PGlite folder and once on the Postgres
// server, with synthetic data whose every expected cell is written out in ./support/synthetic.ts (the aggregates
// are worked out by hand in the comments). Then hostile parameters on every route: 400 or an inline message, never
// a 500; hostile paths on the detail pages: 404; hostile "Run now" requests: refused with a message. An admin token
// is configured on both servers, so that no request here can start a run.

const token = "export-test-admin-token-0123456789";
// Behind a trusted proxy, so that each hostile Run now case below speaks as its own client (X-Forwarded-For).
const env = { PAPERPULSE_ADMIN_TOKEN: token, PAPERPULSE_TRUST_PROXY: "1" };

const targets = seededTargets(env);

for (const target of targets) {
  describeWhen(target.available, target.missing, `CSV exports [${target.kind}]`, () => {
    let started: StartedTarget | undefined;
    const url = (path: string) => {
      if (!started) throw new Error("server not started");
      return `${started.server.url}${path}`;
    };

    // Parameter handling does not depend on the database: hostile inputs run against the embedded one only (not
    // registered at all on Postgres, rather than shown as skipped). The detail pages look their path segment up in
    // the database, and "Run now" reads the mode from it: those hostile tests run on both.
    const hostile = (name: string, body: () => Promise<void>) => {
      if (target.kind === "pglite") it(name, body);
    };
    const base = () => url("");
    const runId = () => started?.runId ?? 0;

    /** A page with a hostile query: 200, an inline message exactly when the route reads an invalid value. */
    const expectPage = async (route: Route, testCase: HostileCase) => {
      const response = await fetch(url(withQuery(route.path, testCase.query)));
      const html = await response.text();
      const label = `${route.path}?${testCase.query.slice(0, 80)} (${testCase.why})`;
      expect(response.status, label).toBe(200);
      expect(html.includes("data-param-issues"), label).toBe(invalidFor(testCase, route));
      if (route.title) expect(html.includes(`<title>${route.title} · Paperpulse</title>`), label).toBe(true);
      // Scraped or hostile text is never markup; a hostile runNow value is not a Run now result.
      expect(html, label).not.toContain("<img src=x onerror");
      expect(html, label).not.toContain("data-run-now-result");
    };
    /** A response that says what was not found: the not-found page, or the plain-text answer for undecodable paths. */
    const notFoundMessage = /There is no such paper, organisation, author or run here|^Not found: /;

    beforeAll(async () => {
      started = await target.start();
    });
    afterAll(async () => {
      await started?.server.stop();
      await started?.cleanup();
    });

    it("exports every paper with latest counts, neutralised text and ISO timestamps", async () => {
      const csv = await fetchCsv(url("/api/export/papers.csv"));
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toBe('attachment; filename="paperpulse-papers.csv"');
      expect(csv.rows).toEqual([
        papersHeader,
        ...rowsFor("2303.00100", "2303.00200", "2303.01000", "2303.00300", "2303.00400"),
      ]);
    });

    it("keeps ids as text for spreadsheets with spreadsheet=1, read back by a spreadsheet library", async () => {
      const open = async (path: string) => {
        const text = await (await fetch(url(path))).text();
        const book = readWorkbook(text, { type: "string" });
        const sheet = book.Sheets[book.SheetNames[0] ?? ""];
        if (!sheet) throw new Error("no sheet");
        return workbookUtils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
      };
      const ids = ["2303.00100", "2303.00200", "2303.01000", "2303.00300", "2303.00400"];
      // Plain: what a program reading CSV wants, and what a spreadsheet turns into numbers (2303.01000 → 2303.01).
      const plain = await open("/api/export/papers.csv");
      expect(plain.slice(1).map((row) => row[0])).toContain(2303.01);
      const sheet = await open("/api/export/papers.csv?spreadsheet=1");
      expect(sheet.slice(1).map((row) => row[0])).toEqual(ids);
      // Every other cell as in the plain file.
      expect(sheet.slice(1).map((row) => row.slice(1))).toEqual(plain.slice(1).map((row) => row.slice(1)));
      const snapshots = await open("/api/export/snapshots.csv?paper=2303.01000&spreadsheet=1");
      expect(snapshots.slice(1).map((row) => row[0])).toEqual(["2303.01000"]);
    });

    it("filters by organisation (repeatable) and daily date range", async () => {
      const acme = await fetchCsv(url("/api/export/papers.csv?org=acme"));
      expect(acme.rows.slice(1)).toEqual(rowsFor("2303.00200", "2303.00300", "2303.00400"));
      // Organisations match whatever the case of the name asked for.
      const shouted = await fetchCsv(url("/api/export/papers.csv?org=ACME"));
      expect(shouted.rows).toEqual(acme.rows);

      const both = await fetchCsv(
        url("/api/export/papers.csv?org=acme&org=%2Borg-plus&from=2023-02-28&x=garbage"),
      );
      expect(both.rows.slice(1)).toEqual(rowsFor("2303.00200", "2303.00300", "2303.00400"));
      expect(both.headers.get("content-disposition")).toBe(
        'attachment; filename="paperpulse-papers-2023-02-28-to-latest.csv"',
      );

      const early = await fetchCsv(url("/api/export/papers.csv?to=2023-02-28"));
      expect(early.rows.slice(1)).toEqual(rowsFor("2303.00100", "2303.00200", "2303.01000"));

      const none = await fetchCsv(url("/api/export/papers.csv?from=2023-03-02"));
      expect(none.rows).toEqual([papersHeader]);
    });

    it("answers 400 naming the parameter for bad filters", async () => {
      const cases: Array<[string, string]> = [
        ["from=2024-13-45", "from"],
        ["to=yesterday", "to"],
        [`org=${"x".repeat(201)}`, "org"],
        ["from=2024-02-01&to=2024-01-01", "to"],
        ["from=2024-01-01&from=2024-02-01", "from"],
      ];
      for (const [query, param] of cases) {
        const response = await fetch(url(`/api/export/papers.csv?${query}`));
        expect(response.status, query).toBe(400);
        expect(await response.text(), query).toMatch(new RegExp(`^Bad request: ${param}: `));
      }
    });

    it("exports one paper's snapshots in time order", async () => {
      const csv = await fetchCsv(url("/api/export/snapshots.csv?paper=2303.00100"));
      expect(csv.headers.get("content-disposition")).toBe(
        'attachment; filename="paperpulse-snapshots-2303.00100.csv"',
      );
      expect(csv.rows).toEqual([
        ["paper_id", "captured_at", "upvotes", "comments"],
        ["2303.00100", A, "3", "0"],
        ["2303.00100", B, "10", "2"],
      ]);
      const late = await fetchCsv(url("/api/export/snapshots.csv?paper=2303.01000"));
      expect(late.rows.slice(1)).toEqual([["2303.01000", B, "7", "0"]]);
    });

    it("answers 404 for an unknown paper and 400 for an empty or oversized id", async () => {
      const unknown = await fetch(url("/api/export/snapshots.csv?paper=2303.99999"));
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('Unknown paper "2303.99999"');
      for (const query of ["?paper=", `?paper=${"9".repeat(101)}`, "?paper=a&paper=b", "?paper=%00"]) {
        const response = await fetch(url(`/api/export/snapshots.csv${query}`));
        expect(response.status, query).toBe(400);
        expect(await response.text()).toMatch(/^Bad request: paper: /);
      }
    });

    it("exports the snapshots of every paper matching the filters, by paper then time", async () => {
      const all = await fetchCsv(url("/api/export/snapshots.csv"));
      expect(all.rows).toEqual([
        ["paper_id", "captured_at", "upvotes", "comments"],
        ["2303.00100", A, "3", "0"],
        ["2303.00100", B, "10", "2"],
        ["2303.00200", A, "5", "1"],
        ["2303.00200", B, "4", "1"],
        ["2303.00300", A, "1", "0"],
        ["2303.00400", A, "2", "3"],
        ["2303.00400", B, "2", "3"],
        ["2303.01000", B, "7", "0"],
      ]);
      const acme = await fetchCsv(url("/api/export/snapshots.csv?org=acme&from=2023-03-01"));
      expect(acme.rows.slice(1).map((r) => r[0])).toEqual(["2303.00300", "2303.00400", "2303.00400"]);
      // The same rows as JSON Lines, with typed numbers: each line read back on its own.
      const lines = await fetch(url("/api/export/snapshots.jsonl"));
      expect(lines.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      const text = await lines.text();
      expect(text.endsWith("\n")).toBe(true);
      const objects = text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(objects.map((o) => [o.paper_id, o.captured_at, o.upvotes, o.comments])).toEqual(
        all.rows.slice(1).map(([id, at, up, c]) => [id, at, Number(up), Number(c)]),
      );
      expect((await fetch(url("/api/export/snapshots.jsonl?org=%00"))).status).toBe(400);
    });

    it("sorts and filters the papers export like the Papers view (sort, q, minUpvotes)", async () => {
      const byUpvotes = await fetchCsv(url("/api/export/papers.csv?sort=-upvotes"));
      expect(byUpvotes.rows.slice(1)).toEqual(
        rowsFor("2303.00100", "2303.01000", "2303.00200", "2303.00400", "2303.00300"),
      );
      const text = await fetchCsv(url("/api/export/papers.csv?q=AT%20THE%20START"));
      expect(text.rows.slice(1)).toEqual(rowsFor("2303.01000", "2303.00300", "2303.00400"));
      const quotes = await fetchCsv(url(`/api/export/papers.csv?q=${encodeURIComponent('"quotes"')}`));
      expect(quotes.rows.slice(1)).toEqual(rowsFor("2303.00200"));
      const popular = await fetchCsv(url("/api/export/papers.csv?minUpvotes=4&sort=title"));
      expect(
        popular.rows
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(["2303.00100", "2303.00200", "2303.01000"]);
      const huge = await fetchCsv(url("/api/export/papers.csv?from=1970&to=2100"));
      expect(huge.rows).toHaveLength(6);
    });

    it("exports the upvote series per day, week and month", async () => {
      const header = ["period_start", "granularity", "papers", "upvotes", "median_upvotes", "p90_upvotes"];
      const daily = await fetchCsv(url("/api/export/daily.csv"));
      expect(daily.headers.get("content-disposition")).toBe('attachment; filename="paperpulse-daily.csv"');
      expect(daily.rows).toEqual([
        header,
        // 02-27: p1 (10). 02-28: p2 4, p3 7 → median 5.5, p90 4 + 0.9·3. 03-01: p4 1, p5 2 → 1.5, 1 + 0.9·1.
        ["2023-02-27", "day", "1", "10", "10", "10"],
        ["2023-02-28", "day", "2", "11", "5.5", "6.7"],
        ["2023-03-01", "day", "2", "3", "1.5", "1.9"],
      ]);
      const monthly = await fetchCsv(url("/api/export/daily.csv?granularity=month&org=acme"));
      expect(monthly.rows.slice(1)).toEqual([
        // acme: p2 (4) in February; p4 (1) and p5 (2) in March.
        ["2023-02-01", "month", "1", "4", "4", "4"],
        ["2023-03-01", "month", "2", "3", "1.5", "1.9"],
      ]);
      const weekly = await fetchCsv(url("/api/export/daily.csv?granularity=week"));
      expect(weekly.rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
        ["2023-02-27", "week", "5", "24", "4"],
      ]);
    });

    it("exports the organisations leaderboard with neutralised names", async () => {
      const csv = await fetchCsv(url("/api/export/orgs.csv"));
      expect(csv.rows).toEqual([
        ["organization", "fullname", "papers", "upvotes", "median_upvotes", "top10_papers", "top10_share"],
        // acme: p2 (day of 2 papers), p4 and p5 (a day of 2): all in their top 10, 4 places → 3/4.
        ["acme", "acme Lab", "3", "7", "2", "3", "0.75"],
        ["'+org-plus", "'+org-plus Lab", "1", "10", "10", "1", "1"],
      ]);
      const late = await fetchCsv(url("/api/export/orgs.csv?from=2023-03-01&sort=upvotes"));
      expect(late.rows.slice(1)).toEqual([["acme", "acme Lab", "2", "3", "1.5", "2", "1"]]);
    });

    it("exports the Rising view: gains over 24 hours and 7 days before the newest capture, in its order", async () => {
      const title = (id: string) => rowsFor(id)[0]?.[1];
      // The newest capture is B (2023-03-02 18:30); 24 hours before it only capture A (2023-03-01 09:00) is in
      // effect, and nothing is 7 days before it, so a paper featured inside the week gained all its upvotes.
      const hours = (day: string) => (Date.parse(B) - Date.parse(`${day}T00:00:00Z`)) / 3_600_000;
      const perHour = (upvotes: number, day: string) =>
        String(Math.round((upvotes / hours(day)) * 100) / 100);
      const csv = await fetchCsv(url("/api/export/rising.csv"));
      expect(csv.rows).toEqual([
        [
          "id",
          "title",
          "daily_date",
          "organization",
          "upvotes",
          "gained_24h",
          "gained_7d",
          "upvotes_per_hour",
          "day_rank",
          "listing_rank",
        ],
        // 3 at A, 10 at B.
        [
          "2303.00100",
          title("2303.00100"),
          "2023-02-27",
          "'+org-plus",
          "10",
          "7",
          "10",
          perHour(10, "2023-02-27"),
          "1",
          "1",
        ],
        // Unchanged since A: gained 0; the tie goes to more upvotes.
        [
          "2303.00400",
          title("2303.00400"),
          "2023-03-01",
          "acme",
          "2",
          "0",
          "2",
          perHour(2, "2023-03-01"),
          "1",
          "4",
        ],
        [
          "2303.00300",
          title("2303.00300"),
          "2023-03-01",
          "acme",
          "1",
          "0",
          "1",
          perHour(1, "2023-03-01"),
          "2",
          "3",
        ],
        // 5 at A, 4 at B: it lost one.
        [
          "2303.00200",
          title("2303.00200"),
          "2023-02-28",
          "acme",
          "4",
          "-1",
          "4",
          perHour(4, "2023-02-28"),
          "2",
          "3",
        ],
        // First captured at B, featured on 2023-02-28, before the 24 hours began: that gain is unknown.
        [
          "2303.01000",
          title("2303.01000"),
          "2023-02-28",
          "",
          "7",
          "",
          "7",
          perHour(7, "2023-02-28"),
          "1",
          "2",
        ],
      ]);
      const week = await fetchCsv(url("/api/export/rising.csv?window=7d&org=acme"));
      expect(week.rows.slice(1).map((row) => row[0])).toEqual(["2303.00200", "2303.00400", "2303.00300"]);
      const bad = await fetch(url("/api/export/rising.csv?window=1y"));
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("window");
    });

    it("exports the Authors view as shown: its order, page and filters, organisations capped, neutralised", async () => {
      const header = [
        "rank",
        "name",
        "hf_user",
        "papers",
        "upvotes",
        "organizations",
        "organization_count",
        "first_daily_date",
        "last_daily_date",
      ];
      const csv = await fetchCsv(url("/api/export/authors.csv"));
      expect(csv.headers.get("content-disposition")).toBe(
        'attachment; filename="paperpulse-authors-by-papers.csv"',
      );
      expect(csv.rows).toEqual([
        header,
        // Alice's account is spelled alice-ex twice and Alice-Ex once: one author, shown as most used.
        ["1", "Alice Example", "alice-ex", "3", "15", "acme; +org-plus", "2", "2023-02-27", "2023-03-01"],
        // Three papers too, fewer upvotes.
        ["2", "Bob Example", "", "3", "7", "acme", "1", "2023-02-28", "2023-03-01"],
        ["3", "Carl Example", "carl", "1", "10", "'+org-plus", "1", "2023-02-27", "2023-02-27"],
        ["4", "'=Eve", "", "1", "7", "", "0", "2023-02-28", "2023-02-28"],
      ]);
      const byUpvotes = await fetchCsv(url("/api/export/authors.csv?sort=upvotes"));
      expect(byUpvotes.rows.slice(1).map((row) => row[1])).toEqual([
        "Alice Example",
        "Carl Example",
        "Bob Example",
        "'=Eve",
      ]);
      const acme = await fetchCsv(url("/api/export/authors.csv?org=acme"));
      expect(acme.rows.slice(1).map((row) => row.slice(1, 6))).toEqual([
        ["Bob Example", "", "3", "7", "acme"],
        ["Alice Example", "alice-ex", "2", "5", "acme"],
      ]);
      // Past the last page: the header alone, as the view shows no row.
      expect((await fetchCsv(url("/api/export/authors.csv?page=2"))).rows).toEqual([header]);
      const bad = await fetch(url("/api/export/authors.csv?sort=name"));
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("sort");
    });

    it("exports an author's papers, newest first, by account or name, with the filters", async () => {
      const title = (id: string) => rowsFor(id)[0]?.[1];
      const header = ["id", "title", "daily_date", "organization", "upvotes", "comments", "author_position"];
      const alice = await fetchCsv(url("/api/export/author-papers.csv?user=ALICE-EX"));
      expect(alice.rows).toEqual([
        header,
        ["2303.00300", title("2303.00300"), "2023-03-01", "acme", "1", "0", "1"],
        ["2303.00200", title("2303.00200"), "2023-02-28", "acme", "4", "1", "1"],
        ["2303.00100", title("2303.00100"), "2023-02-27", "'+org-plus", "10", "2", "1"],
      ]);
      const eve = await fetchCsv(url("/api/export/author-papers.csv?name=%3Deve"));
      expect(eve.rows.slice(1)).toEqual([
        ["2303.01000", title("2303.01000"), "2023-02-28", "", "7", "0", "1"],
      ]);
      // Ids kept as text for spreadsheets, as in the papers export.
      const sheet = await (
        await fetch(url("/api/export/author-papers.csv?name=%3Deve&spreadsheet=1"))
      ).text();
      expect(sheet.split("\r\n")[1]).toMatch(/^="2303\.01000",/);
      const late = await fetchCsv(
        url("/api/export/author-papers.csv?user=alice-ex&from=2023-02-28&org=acme"),
      );
      expect(late.rows.slice(1).map((row) => row[0])).toEqual(["2303.00300", "2303.00200"]);
      const answers: [string, number, string][] = [
        ["", 400, "user: is required"],
        ["?user=alice-ex&name=Bob%20Example", 400, "name: must not be given with user"],
        ["?user=a&user=b", 400, "user: must be given at most once"],
        ["?user=nobody", 404, 'Unknown author "nobody"'],
        // Carl is always listed with his account: no author is keyed on his name.
        ["?name=Carl%20Example", 404, "Unknown author"],
      ];
      for (const [query, status, message] of answers) {
        const response = await fetch(url(`/api/export/author-papers.csv${query}`));
        expect(response.status, query).toBe(status);
        expect(await response.text(), query).toContain(message);
      }
    });

    it("exports topic shares per month in taxonomy order, with labels", async () => {
      const csv = await fetchCsv(url("/api/export/topics.csv"));
      expect(csv.rows).toEqual([
        ["period_start", "granularity", "topic", "topic_label", "papers", "period_papers", "share"],
        // February: p1 (llm), p2 (llm, video), p3 (video) of 3 papers; March: p4, p5 without topics.
        ["2023-02-01", "month", "llm", "Language models", "2", "3", String(2 / 3)],
        ["2023-02-01", "month", "video", "Video", "2", "3", String(2 / 3)],
        ["2023-03-01", "month", "llm", "Language models", "0", "2", "0"],
        ["2023-03-01", "month", "video", "Video", "0", "2", "0"],
      ]);
      const acme = await fetchCsv(url("/api/export/topics.csv?org=acme&to=2023-02-28"));
      expect(acme.rows.slice(1)).toEqual([
        ["2023-02-01", "month", "llm", "Language models", "1", "1", "1"],
        ["2023-02-01", "month", "video", "Video", "1", "1", "1"],
      ]);
      expect((await fetch(url("/api/export/topics.csv?topic=nope"))).status).toBe(400);
    });

    it("exports rising keywords against the previous window, neutralised", async () => {
      const csv = await fetchCsv(url("/api/export/keywords.csv?from=2023-03-01&to=2023-03-01&minCount=1"));
      const window = ["2023-03-01", "2023-03-01", "2023-02-28", "2023-02-28"];
      expect(csv.rows).toEqual([
        [
          "keyword",
          "papers",
          "share",
          "previous_papers",
          "previous_share",
          "growth",
          "window_from",
          "window_to",
          "previous_from",
          "previous_to",
        ],
        // March 1 (p4, p5) against February 28 (p2, p3): "=sum" is new (1 of 2), "agents" went from 1 of 2 to 2 of 2.
        ["'=sum", "1", "0.5", "0", "0", "", ...window],
        ["agents", "2", "1", "1", "0.5", "1", ...window],
      ]);
    });

    it("sends a Content-Security-Policy with a fresh script nonce on pages", async () => {
      const first = await fetch(url("/papers"));
      const second = await fetch(url("/papers"));
      const policy = first.headers.get("content-security-policy") ?? "";
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toBe(second.headers.get("content-security-policy"));
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    });

    hostile(
      "answers hostile parameters on every export with 400 and a message, never 500 (table)",
      async () => {
        for (const route of exportRoutes) {
          for (const testCase of hostileCases) {
            const response = await fetch(url(withQuery(route.path, testCase.query)));
            const body = await response.text();
            const invalid = invalidFor(testCase, route);
            expect(response.status, `${route.path}?${testCase.query.slice(0, 80)} (${testCase.why})`).toBe(
              invalid ? 400 : 200,
            );
            if (invalid) expect(body).toMatch(/^Bad request: \w+: /);
          }
        }
      },
    );

    hostile(
      "renders hostile parameters on every list page as an inline message, never a 500 (table)",
      async () => {
        for (const route of pageRoutes) {
          for (const testCase of hostileCases) await expectPage(route, testCase);
        }
      },
    );

    it("renders hostile parameters on the paper, organisation, author and run pages: an inline message where read, never a 500 (table)", async () => {
      for (const route of detailRoutes(runId())) {
        for (const testCase of hostileCases) await expectPage(route, testCase);
      }
    });

    it("answers hostile path segments of the paper, organisation, author and run pages with 404 and a message (table)", async () => {
      for (const prefix of ["/papers/", "/orgs/", "/authors/u/", "/authors/n/", "/runs/"]) {
        for (const { segment, why } of hostileSegments) {
          const response = await rawRequest(base(), `${prefix}${segment}`);
          const label = `${prefix}${segment.slice(0, 60)} (${why})`;
          expect(response.status, label).toBe(404);
          expect(notFoundMessage.test(response.body), label).toBe(true);
        }
      }
      for (const path of dotSegmentPaths) {
        const response = await rawRequest(base(), path);
        expect(response.status, path).toBe(200);
        expect(response.body.includes("<h1>Overview</h1>"), path).toBe(true);
      }
      // The seeded run and the organisation exist: the 404s above are about the segments.
      expect((await rawRequest(base(), `/runs/${runId()}`)).status).toBe(200);
      expect((await rawRequest(base(), "/orgs/%2Borg-plus")).status).toBe(200);
      // Authors: by account in any case, or by name; an account holder is not found by name, nor a kind unknown.
      expect((await rawRequest(base(), "/authors/u/ALICE-EX")).status).toBe(200);
      expect((await rawRequest(base(), "/authors/n/%3DEve")).status).toBe(200);
      for (const path of [
        "/authors/n/Carl%20Example",
        "/authors/x/alice-ex",
        "/authors/u",
        "/authors/u/a/b",
      ]) {
        const response = await rawRequest(base(), path);
        expect(response.status, path).toBe(404);
        expect(notFoundMessage.test(response.body), path).toBe(true);
      }
    });

    it("refuses hostile Run now requests with 401, 403 or 413 and a message, and starts no run (table)", async () => {
      for (const [index, testCase] of runNowCases(token).entries()) {
        const path = `/api/runs/run-now${testCase.query ? `?${testCase.query}` : ""}`;
        const response = await rawRequest(base(), path, {
          method: "POST",
          // One client per case: the per-client rate limit is not what is tested here.
          headers: { "x-forwarded-for": `198.51.100.${index + 1}`, ...testCase.headers },
          body: testCase.body,
        });
        expect(response.status, testCase.why).toBe(testCase.status);
        expect(response.body, testCase.why).toMatch(testCase.message);
      }
      const runs = await (await fetch(url("/runs"))).text();
      expect(runs.match(/data-run-id="\d+"/g)).toEqual([`data-run-id="${runId()}"`]);
    });

    it("answers other methods on Run now with 405, Allow: POST and a message, and paths below it with 404", async () => {
      for (const method of ["GET", "HEAD", "PUT", "PATCH", "DELETE"]) {
        const response = await rawRequest(base(), "/api/runs/run-now?token=x%00", { method });
        expect(response.status, method).toBe(405);
        expect(response.headers.allow, method).toBe("POST");
        if (method !== "HEAD")
          expect(response.body, method).toBe("Method not allowed: Run now is POST only.\n");
      }
      const options = await rawRequest(base(), "/api/runs/run-now", { method: "OPTIONS" });
      expect(options.status).toBe(204);
      expect(options.headers.allow).toBe("POST, OPTIONS");
      for (const path of [
        "/api/runs/run-now/x",
        "/api/runs/run-now%00",
        "/api/runs/run-now/%FF",
        "/api/runs/1",
      ]) {
        const response = await rawRequest(base(), path, { method: "POST" });
        expect(response.status, path).toBe(404);
        expect(notFoundMessage.test(response.body), path).toBe(true);
      }
    });

    hostile("never answers 500 to arbitrary parameters on any route (property)", async () => {
      const routes = [...exportRoutes, ...pageRoutes, ...detailRoutes(runId())].map((r) => r.path);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), arbitraryQuery, async (path, query) => {
          const response = await fetch(url(withQuery(path, query)));
          await response.arrayBuffer();
          // 404: snapshots of a paper id that was never captured.
          const allowed = /snapshots\.(csv|parquet)$/.test(path) ? [200, 400, 404] : [200, 400];
          expect(allowed, `${path}?${query}`).toContain(response.status);
        }),
        { numRuns: 150 },
      );
    });
  });
}
