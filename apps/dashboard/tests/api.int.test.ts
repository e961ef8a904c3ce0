import { describeWhen } from "@paperpulse/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { apiRoutes, hostileCases, invalidFor } from "./support/hostile";
import { openApiChecker } from "./support/openapi-check";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";
import { A, B } from "./support/synthetic";

// The read API over HTTP against the built app, on PGlite and on Postgres, with the synthetic seed
// (./support/synthetic.ts): every answer is checked against the OpenAPI document the server publishes, pages are
// followed to the end, ETags answer 304, and bad parameters get a 400 naming them, never a 500.

type List<T> = { data: T[]; nextCursor: string | null };
type Paper = { id: string; upvotes: number; dailyDate: string; organization: string | null };

for (const target of seededTargets()) {
  describeWhen(target.available, target.missing, `read API [${target.kind}]`, () => {
    let started: StartedTarget | undefined;
    let check: ReturnType<typeof openApiChecker> = () => ["no document"];
    const url = (path: string) => `${started?.server.url ?? ""}/api/v1${path}`;
    /** GET a documented path, checked against its schema for the status it answered. */
    const get = async <T>(path: string, documented: string, status = 200): Promise<T> => {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(status);
      const body = (await response.json()) as T;
      expect(check(documented, String(status), body), path).toEqual([]);
      return body;
    };
    /** Every row of a list, following nextCursor page by page. */
    const all = async <T>(path: string, documented: string): Promise<{ rows: T[]; pages: number }> => {
      const rows: T[] = [];
      let pages = 0;
      let cursor: string | null = null;
      do {
        const joiner = path.includes("?") ? "&" : "?";
        const page: List<T> = await get(`${path}${cursor ? `${joiner}cursor=${cursor}` : ""}`, documented);
        rows.push(...page.data);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      return { rows, pages };
    };

    beforeAll(async () => {
      started = await target.start();
      const document = await (await fetch(url("/openapi.json"))).json();
      check = openApiChecker(document);
    });
    afterAll(async () => {
      await started?.server.stop();
      await started?.cleanup();
    });

    it("publishes an OpenAPI 3.1 document of every endpoint", async () => {
      const document = (await (await fetch(url("/openapi.json"))).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(document.openapi).toBe("3.1.0");
      expect(Object.keys(document.paths).sort()).toEqual(
        [
          "/orgs",
          "/orgs/{name}",
          "/papers",
          "/papers/{id}",
          "/papers/{id}/snapshots",
          "/runs",
          "/series/orgs",
          "/series/topics",
          "/series/upvotes",
          "/topics",
        ].sort(),
      );
    });

    it("pages through the papers of a filtered view to the end, in the asked order", async () => {
      const byDate = await all<Paper>("/papers?limit=2", "/papers");
      expect(byDate.pages).toBe(3);
      expect(byDate.rows.map((p) => p.id)).toEqual([
        "2303.00100",
        "2303.00200",
        "2303.01000",
        "2303.00300",
        "2303.00400",
      ]);
      const byUpvotes = await all<Paper>("/papers?limit=2&sort=-upvotes", "/papers");
      expect(byUpvotes.rows.map((p) => [p.id, p.upvotes])).toEqual([
        ["2303.00100", 10],
        ["2303.01000", 7],
        ["2303.00200", 4],
        ["2303.00400", 2],
        ["2303.00300", 1],
      ]);
      const acme = await all<Paper>("/papers?org=ACME&limit=1", "/papers");
      expect(acme.rows.map((p) => p.id)).toEqual(["2303.00200", "2303.00300", "2303.00400"]);
      // A cursor belongs to its sort.
      const first: List<Paper> = await get("/papers?limit=1", "/papers");
      const wrong = await get<{ issues: { param: string }[] }>(
        `/papers?limit=1&sort=-upvotes&cursor=${first.nextCursor}`,
        "/papers",
        400,
      );
      expect(wrong.issues.map((i) => i.param)).toEqual(["cursor"]);
    });

    it("gives a paper with its snapshots, and 404 for an unknown one", async () => {
      const paper = await get<{ id: string; snapshots: { capturedAt: string; upvotes: number }[] }>(
        "/papers/2303.00200",
        "/papers/{id}",
      );
      expect(paper.snapshots.map((s) => [s.capturedAt, s.upvotes])).toEqual([
        [A, 5],
        [B, 4],
      ]);
      const pages = await all<{ capturedAt: string }>(
        "/papers/2303.00200/snapshots?limit=1",
        "/papers/{id}/snapshots",
      );
      expect(pages.rows.map((s) => s.capturedAt)).toEqual([A, B]);
      await get("/papers/9999.99999", "/papers/{id}", 404);
      await get("/papers/9999.99999/snapshots", "/papers/{id}/snapshots", 404);
    });

    it("answers the organisations, topics, series and runs as the views compute them", async () => {
      const orgs = await all<{ name: string; papers: number; upvotes: number }>("/orgs?limit=1", "/orgs");
      expect(orgs.rows.map((o) => [o.name, o.papers, o.upvotes])).toEqual([
        ["acme", 3, 7],
        ["+org-plus", 1, 10],
      ]);
      expect(await get("/orgs/acme", "/orgs/{name}")).toMatchObject({ name: "acme", papers: 3 });
      await get("/orgs/nobody-at-all", "/orgs/{name}", 404);
      const topics = await get<List<{ slug: string; papers: number }>>("/topics", "/topics");
      // The whole taxonomy is listed (the server writes it when it starts); two topics have papers.
      expect(topics.data.filter((t) => t.papers > 0).map((t) => [t.slug, t.papers])).toEqual([
        ["llm", 2],
        ["video", 2],
      ]);
      const days = await get<List<{ date: string; papers: number; upvotes: number }>>(
        "/series/upvotes?granularity=day",
        "/series/upvotes",
      );
      expect(days.data.map((d) => [d.date, d.papers, d.upvotes])).toEqual([
        ["2023-02-27", 1, 10],
        ["2023-02-28", 2, 11],
        ["2023-03-01", 2, 3],
      ]);
      const orgSeries = await get<
        List<{ period: string; key: string; papers: number; share: number | null }>
      >("/series/orgs?granularity=week", "/series/orgs");
      expect(orgSeries.data.map((r) => [r.period, r.key, r.papers, r.share])).toEqual([
        ["2023-02-27", "acme", 3, 0.75],
        ["2023-02-27", "+org-plus", 1, 0.25],
      ]);
      const topicSeries = await get<List<{ key: string; upvotes: number }>>(
        "/series/topics?granularity=week",
        "/series/topics",
      );
      expect(topicSeries.data.map((r) => [r.key, r.upvotes])).toEqual([
        ["llm", 14],
        ["video", 11],
      ]);
      const runs = await all<{ id: number; status: string }>("/runs?limit=1", "/runs");
      expect(runs.rows.map((r) => r.id)).toEqual([started?.runId]);
      expect(runs.rows[0]?.status).toBe("succeeded");
    });

    it("answers 304 to a client holding the current ETag, and a new body once the query differs", async () => {
      const first = await fetch(url("/papers?org=acme"));
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get("cache-control")).toBe("no-cache");
      const again = await fetch(url("/papers?org=acme"), { headers: { "if-none-match": etag ?? "" } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      const other = await fetch(url("/papers?org=%2Borg-plus"), { headers: { "if-none-match": etag ?? "" } });
      expect(other.status).toBe(200);
    });

    it("answers bad parameters with a 400 naming them, as JSON, never a 500", async () => {
      for (const [query, param] of [
        ["limit=0", "limit"],
        ["limit=1001", "limit"],
        ["cursor=not-a-cursor!", "cursor"],
        [`cursor=${Buffer.from('{"o":-1}').toString("base64url")}`, "cursor"],
        ["topic=nope", "topic"],
      ] as const) {
        const body = await get<{ issues: { param: string }[] }>(`/papers?${query}`, "/papers", 400);
        expect(
          body.issues.map((i) => i.param),
          query,
        ).toContain(param);
      }
      if (target.kind !== "pglite") return;
      for (const route of apiRoutes) {
        for (const testCase of hostileCases) {
          const path = route.path.replace("/api/v1", "");
          const response = await fetch(url(`${path}?${testCase.query}`));
          const label = `${route.path}?${testCase.query.slice(0, 80)} (${testCase.why})`;
          expect(response.status, label).toBe(invalidFor(testCase, route) ? 400 : 200);
          expect(check(path, String(response.status), await response.json()), label).toEqual([]);
        }
      }
    });
  });
}
