import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { selectRows } from "@paperpulse/db";
import { describeWhen, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cliEnv, cliPath } from "../../testing/cli-env.ts";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";

const CONTENDERS = 5;

type Outcome = {
  code: number;
  last: { status?: string; runId?: number; code?: string; activeRunId?: number };
};

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", cliPath, ...args],
      { env, timeout: 60_000 },
      (error, stdout) => {
        let last: Outcome["last"] = {};
        try {
          last = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Outcome["last"];
        } catch {
          last = { code: `no JSON summary in: ${stdout.slice(-300)}` };
        }
        resolve({ code: error ? Number(error.code ?? 1) : 0, last });
      },
    );
  });
}

describeWhen(
  Boolean(process.env.TEST_DATABASE_URL),
  "TEST_DATABASE_URL is not set",
  "runs started by separate processes at once on one Postgres database",
  () => {
    let server: HfTestServer;
    let database: TestDbHandle;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), "paperpulse-one-run-"));
      server = await startHfTestServer();
      // A slow listing (a day without papers) keeps the first run going while the others try to start.
      const props = JSON.stringify({ dailyPapers: [] }).replaceAll('"', "&quot;");
      const page = `<html><body><div data-target="DailyPapers" data-props="${props}"></div></body></html>`;
      server.route("/papers/date/2025-06-02", () => (response) => {
        setTimeout(() => response.writeHead(200, { "content-type": "text/html" }).end(page), 8_000);
      });
      database = await openServerDb();
    });
    afterAll(async () => {
      await server.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("execute one at a time: one run, and every other process is told which run is active", async () => {
      // Postgres holds the data; the folder only receives the raw pages runs keep.
      const env = cliEnv(dataDir, server.baseUrl, { DATABASE_URL: database.url ?? "" });
      const outcomes = await Promise.all(
        Array.from({ length: CONTENDERS }, () => runCli(["day", "2025-06-02", "--json"], env)),
      );
      const runs = await selectRows<{ id: number }>(database.db, sql`select id from scrape_runs`);
      const ran = outcomes.filter((o) => o.last.runId !== undefined);
      const refused = outcomes.filter((o) => o.last.code === "RUN_ACTIVE");
      // A process that started after the first run ended may run too, but never at the same time as another.
      expect(ran.length + refused.length).toBe(CONTENDERS);
      expect(runs).toHaveLength(ran.length);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const outcome of ran) expect(outcome.last.status).toBe("succeeded");
      for (const outcome of refused) {
        expect(outcome.code).toBe(1);
        expect(ran.map((o) => o.last.runId)).toContain(outcome.last.activeRunId);
      }
      const [overlaps] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from scrape_runs a join scrape_runs b on a.id < b.id
            and a.started_at < b.finished_at and b.started_at < a.finished_at`,
      );
      expect(overlaps?.n).toBe(0);
      expect(server.requests.filter((r) => r.path === "/papers/date/2025-06-02")).toHaveLength(ran.length);
    }, 90_000);
  },
);
