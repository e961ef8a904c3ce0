import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@paperpulse/db";
import { describeWhen, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fetchCsv } from "./support/csv";
import { type RunningDashboard, startDashboard } from "./support/server";
import { A, B, papersHeader, rowsFor, seedSynthetic } from "./support/synthetic";

// The CSV routes against the built app (`next start`), once on an embedded PGlite folder and once on the Postgres
// server, with synthetic data whose every expected cell is written out in ./support/synthetic.ts.

type Target = { kind: string; available: boolean; missing: string; start: () => Promise<Started> };
type Started = { server: RunningDashboard; cleanup: () => Promise<void> };

const targets: Target[] = [
  {
    kind: "pglite",
    available: true,
    missing: "",
    start: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-export-"));
      const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "the dashboard export test" });
      try {
        await seedSynthetic(handle.db);
      } finally {
        await handle.close();
      }
      const server = await startDashboard({ dataDir });
      return { server, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    kind: "postgres",
    available: Boolean(process.env.TEST_DATABASE_URL),
    missing: "TEST_DATABASE_URL is not set (no Postgres server)",
    start: async () => {
      const handle: TestDbHandle = await openServerDb();
      await seedSynthetic(handle.db);
      if (!handle.url) throw new Error("the test database has no URL");
      const server = await startDashboard({ databaseUrl: handle.url }).catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      return { server, cleanup: () => handle.close() };
    },
  },
];

for (const target of targets) {
  describeWhen(target.available, target.missing, `CSV exports [${target.kind}]`, () => {
    let started: Started | undefined;
    const url = (path: string) => {
      if (!started) throw new Error("server not started");
      return `${started.server.url}${path}`;
    };

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

    it("filters by organisation (repeatable) and daily date range", async () => {
      const acme = await fetchCsv(url("/api/export/papers.csv?org=acme"));
      expect(acme.rows.slice(1)).toEqual(rowsFor("2303.00200", "2303.00300", "2303.00400"));

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

    it("answers 404 for an unknown paper and 400 for a missing or oversized id", async () => {
      const unknown = await fetch(url("/api/export/snapshots.csv?paper=2303.99999"));
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('Unknown paper "2303.99999"');
      for (const query of ["", "?paper=", `?paper=${"9".repeat(101)}`]) {
        const response = await fetch(url(`/api/export/snapshots.csv${query}`));
        expect(response.status, query).toBe(400);
        expect(await response.text()).toMatch(/^Bad request: paper: /);
      }
    });
  });
}
