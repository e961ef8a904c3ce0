import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, selectRows } from "@paperpulse/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, cliPath } from "../../testing/cli-env.ts";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("pnpm scrape schedule (the daemon)", () => {
  let server: HfTestServer;
  let dataDir: string;
  beforeAll(async () => {
    server = await startHfTestServer();
    // Every day answers with one paper of its own (and an empty page after it, were it asked for).
    server.route("/api/daily_papers", (request) => {
      const date = request.query.get("date") ?? "";
      const id = `9999.${date.replaceAll("-", "").slice(3)}`;
      const items =
        request.query.get("p") === "0"
          ? [{ paper: { id, title: `Paper of ${date}`, authors: [], upvotes: 1 }, numComments: 0 }]
          : [];
      return { body: JSON.stringify(items), headers: { "content-type": "application/json" } };
    });
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-schedule-"));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the next runs, runs the refresh when it falls due, and stops cleanly on SIGTERM", async () => {
    const daemon = spawn(process.execPath, ["--import", "tsx", cliPath, "schedule"], {
      cwd: packageDir,
      // Every 3 seconds (croner's optional seconds field), one day back, no daily job.
      env: cliEnv(dataDir, server.baseUrl, {
        PAPERPULSE_SCHEDULE_REFRESH: "*/3 * * * * *",
        PAPERPULSE_SCHEDULE_DAILY: "off",
        PAPERPULSE_REFRESH_DAYS: "1",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = once(daemon, "exit");
    let stdout = "";
    daemon.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    let stderr = "";
    daemon.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const waitFor = async (pattern: RegExp) => {
      const deadline = Date.now() + 45_000;
      while (!pattern.test(stdout)) {
        if (Date.now() > deadline || daemon.exitCode !== null) {
          throw new Error(`no ${pattern} in the daemon's output:\n${stdout}\n${stderr}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await waitFor(/refresh: next runs \S+Z, \S+Z, \S+Z/);
      // Two days, each one API page with its paper: shorter than the limit, so no page after it is asked for.
      await waitFor(/run #\d+ refresh succeeded: 2 pages \(0 failed\), 2 items, 2 new papers/);
    } finally {
      // Stopped whatever happened above: a daemon left running would go on scraping every 3 seconds.
      daemon.kill("SIGTERM");
    }
    const [code] = (await exited) as [number | null];
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/stopping: waiting for the run in progress/);
    expect(stdout).toMatch(/scheduler stopped/);

    // The daemon released the folder; its runs are recorded as scheduled, none left running.
    const handle = await createDb({ dataDir, databaseUrl: undefined });
    try {
      const runs = await selectRows<{ trigger: string; status: string; command: string }>(
        handle.db,
        sql`select trigger, status, command from scrape_runs order by id`,
      );
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs[0]).toEqual({ trigger: "schedule", status: "succeeded", command: "scheduled: refresh" });
      expect(runs.every((run) => run.status !== "running")).toBe(true);
    } finally {
      await handle.close();
    }
  }, 90_000);
});
