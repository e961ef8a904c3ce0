import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@paperpulse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HfTestServer, startHfTestServer } from "../testing/hf-test-server.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(packageDir, "node_modules", ".bin", "tsx");

type CliResult = { code: number; stdout: string; stderr: string; last: Record<string, unknown> | undefined };

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [join(packageDir, "src", "cli.ts"), ...args],
      { env: { ...process.env, DATABASE_URL: "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const lastLine = stdout.trim().split("\n").at(-1) ?? "";
        let last: Record<string, unknown> | undefined;
        try {
          last = JSON.parse(lastLine) as Record<string, unknown>;
        } catch {
          last = undefined;
        }
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, last });
      },
    );
  });
}

// A synthetic listing page in Hugging Face's markup: the DailyPapers payload as an HTML-escaped attribute.
function listingPage(ids: string[]): string {
  const props = {
    date: "2025-06-02T00:00:00.000Z",
    dailyPapers: ids.map((id, i) => ({
      paper: { id, title: `Synthetic ${id}`, authors: [{ name: "Ada Example" }], upvotes: 10 - i },
      numComments: i,
    })),
  };
  const escaped = JSON.stringify(props).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  return `<!doctype html><html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escaped}"></div></body></html>`;
}

describe("pnpm scrape (CLI)", () => {
  let server: HfTestServer;
  let dataDir: string;
  beforeAll(async () => {
    server = await startHfTestServer();
    server.route("/papers/date/2025-06-02", () => ({ body: listingPage(["2506.00001", "2506.00002"]) }));
    server.route("/papers/date/2025-06-03", () => ({ status: 503, body: "unavailable" }));
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-cli-"));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  // The local stand-in lives on loopback, which the scraper refuses unless told otherwise.
  const env = () => ({
    PAPERPULSE_DATA_DIR: dataDir,
    HF_BASE_URL: server.baseUrl,
    PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1",
  });

  it("exits 2 with a one-line reason on bad usage", async () => {
    for (const args of [
      ["frob"],
      ["day", "2024-13-01"],
      ["import"],
      ["week", "2025-W60"],
      ["day", "--source", "rss"],
    ]) {
      const result = await runCli([...args, "--json"], env());
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.last).toMatchObject({ code: "USAGE" });
    }
  });

  it("scrapes a day and prints the run summary as the last line with --json", async () => {
    const result = await runCli(["day", "2025-06-02", "--json"], env());
    expect(result.code).toBe(0);
    expect(result.last).toMatchObject({
      status: "succeeded",
      items: 2,
      newPapers: 2,
      snapshots: 2,
      requests: 1,
    });
  });

  it("refreshes today and the days before it through the API, as the hourly job does", async () => {
    // Each day answers with one paper of its own: a page shorter than the limit, so the last one asked for.
    server.route("/api/daily_papers", (request) => {
      const date = request.query.get("date") ?? "";
      const items =
        request.query.get("p") === "0"
          ? [
              {
                paper: {
                  id: `9999.${date.replaceAll("-", "").slice(3)}`,
                  title: `Paper of ${date}`,
                  authors: [],
                  upvotes: 1,
                },
                numComments: 0,
              },
            ]
          : [];
      return { body: JSON.stringify(items), headers: { "content-type": "application/json" } };
    });
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    const days = [day(0), day(1), day(2)];
    const before = server.requests.length;
    const result = await runCli(["refresh", "--days", "2", "--json"], env());
    // Around midnight UTC the CLI may have seen another day than we did: then there is nothing to compare.
    if (day(0) !== days[0]) return;
    expect(result.code).toBe(0);
    expect(result.last).toMatchObject({
      status: "succeeded",
      items: 3,
      newPapers: 3,
      requests: 3,
      requestsPerDay: 1,
    });
    const asked = server.requests
      .slice(before)
      .filter((r) => r.path === "/api/daily_papers")
      .map((r) => `${r.query.get("date")} p${r.query.get("p")} limit ${r.query.get("limit")}`);
    expect(asked).toEqual(days.map((date) => `${date} p0 limit 100`));
  });

  it("exits 1 on a failed run, after bounded retries", async () => {
    const before = server.requests.length;
    const result = await runCli(["day", "2025-06-03", "--json"], env());
    expect(result.code).toBe(1);
    expect(result.last).toMatchObject({ status: "failed", errorCode: "HTTP_STATUS", items: 0 });
    expect(server.requests.slice(before).filter((r) => r.path === "/papers/date/2025-06-03")).toHaveLength(3);
    // A one-off command writes no structured lines unless asked.
    expect(result.stderr).not.toContain('"event":');
  });

  it("writes one structured line per failed request and per run with PAPERPULSE_LOG=json", async () => {
    // A folder of its own: the runs listed by the next tests stay as they are.
    const own = mkdtempSync(join(tmpdir(), "paperpulse-cli-log-"));
    const logged = { ...env(), PAPERPULSE_DATA_DIR: own, PAPERPULSE_LOG: "json" };
    const result = await runCli(["day", "2025-06-03", "--json"], logged);
    const lines = result.stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.event === "request_failed")).toEqual([
      expect.objectContaining({
        url: expect.stringContaining("/papers/date/2025-06-03"),
        status: 503,
        code: "HTTP_STATUS",
        level: 40,
        time: expect.any(String),
      }),
    ]);
    expect(lines.filter((line) => line.event === "run")).toEqual([
      expect.objectContaining({ status: "failed", pages: 1, pagesFailed: 1, trigger: "cli", level: 40 }),
    ]);
    const bad = await runCli(["day", "2025-06-03"], { ...logged, PAPERPULSE_LOG: "loud" });
    // A bad variable is bad usage, refused before the run starts, like a bad limit.
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PAPERPULSE_LOG must be "json" or "off", got "loud"');
    rmSync(own, { recursive: true, force: true });
  });

  it("lists the days with no capture or only failed ones", async () => {
    const result = await runCli(["gaps", "--from", "2025-06-01", "--to", "2025-06-04", "--json"], env());
    expect(result.code).toBe(0);
    // 06-02 was captured; 06-03 only failed; the others were never asked for.
    expect(result.last).toMatchObject({
      from: "2025-06-01",
      to: "2025-06-04",
      days: 4,
      gaps: [
        { date: "2025-06-01", status: "missing", weekday: "Sun" },
        { date: "2025-06-03", status: "failed", weekday: "Tue" },
        { date: "2025-06-04", status: "missing", weekday: "Wed" },
      ],
    });
    const text = await runCli(["gaps", "--from", "2025-06-01", "--to", "2025-06-04"], env());
    expect(text.stdout).toContain("2025-06-03 Tue failed");
  });

  it("lists every invocation as a run", async () => {
    const result = await runCli(["runs", "--json"], env());
    expect(result.code).toBe(0);
    const runs = (result.last?.runs ?? []) as { status: string; command: string }[];
    expect(runs.map((r) => [r.command, r.status])).toEqual([
      ["day 2025-06-03", "failed"],
      ["refresh 2 days", "succeeded"],
      ["day 2025-06-02", "succeeded"],
    ]);
  });

  it("fails at once, naming the holder, when another process holds the embedded database", async () => {
    const holder = await createDb({ dataDir, databaseUrl: undefined, holder: "the dashboard server" });
    try {
      const result = await runCli(["runs"], env());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/in use by the dashboard server \(pid \d+/);
      expect(result.stderr).toMatch(/DATABASE_URL/);
    } finally {
      await holder.close();
    }
    const after = await runCli(["runs", "--json"], env());
    expect(after.last?.runs).toHaveLength(3);
  });

  it("backs up and restores into an empty folder; refuses a folder with data, and a damaged one", async () => {
    const file = join(dataDir, "..", `${dataDir.split("/").at(-1)}-backup.tar.gz`);
    const backup = await runCli(["backup", file, "--json"], env());
    expect(backup.code).toBe(0);
    expect(backup.stderr).toContain(`restore with: pnpm scrape restore ${file}`);
    expect(backup.last).toMatchObject({ file, format: "pglite" });
    const again = await runCli(["backup", file], env());
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: choose another name, or pass --force/);

    const copy = mkdtempSync(join(tmpdir(), "paperpulse-cli-restore-"));
    try {
      const restore = await runCli(["restore", file], { PAPERPULSE_DATA_DIR: copy });
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(
        /restored .* into the pglite database .*: [\d,]+ rows in \d+ tables \(\d+ papers/,
      );
      const runs = await runCli(["runs", "--json"], { ...env(), PAPERPULSE_DATA_DIR: copy });
      expect(runs.last?.runs).toEqual((await runCli(["runs", "--json"], env())).last?.runs);
      const refused = await runCli(["restore", file], { PAPERPULSE_DATA_DIR: copy });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/already holds \d+ papers and \d+ runs.*--force/);
      rmSync(join(copy, "pglite", "global", "pg_control"));
      const damaged = await runCli(["runs"], { PAPERPULSE_DATA_DIR: copy });
      expect(damaged.code).toBe(1);
      expect(damaged.stderr).toContain(`The embedded database in ${copy} is damaged`);
      expect(damaged.stderr).toContain("pnpm scrape restore");
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(file, { force: true });
    }
  }, 120_000);

  it("takes its politeness limits from the environment, and refuses a bad one before recording a run", async () => {
    const before = server.requests.length;
    const once = await runCli(["day", "2025-06-03", "--json"], { ...env(), PAPERPULSE_ATTEMPTS: "1" });
    expect(once.code).toBe(1);
    expect(server.requests.slice(before).filter((r) => r.path === "/papers/date/2025-06-03")).toHaveLength(1);

    const bad = await runCli(["day", "2025-06-02", "--json"], {
      ...env(),
      PAPERPULSE_PAGE_LOADS_PER_5MIN: "500",
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PAPERPULSE_PAGE_LOADS_PER_5MIN must be a whole number from 1 to 100/);
    const runs = await runCli(["runs", "--json"], env());
    expect(((runs.last?.runs ?? []) as { command: string }[])[0]?.command).toBe("day 2025-06-03");
  });

  it("backfills days through the API, then skips them once they have settled", async () => {
    const first = await runCli(["backfill", "--from", "2025-06-05", "--to", "2025-06-06", "--json"], env());
    expect(first.code, first.stderr).toBe(0);
    expect(first.last).toMatchObject({
      days: 2,
      skipped: 0,
      withPapers: ["2025-06-05", "2025-06-06"],
      noPapers: [],
      failed: [],
      run: { status: "succeeded", items: 2, newPapers: 2 },
    });
    // Captured long after their date, both days count as settled: nothing is left to fetch.
    const again = await runCli(["backfill", "--from", "2025-06-05", "--to", "2025-06-06", "--json"], env());
    expect(again.code, again.stderr).toBe(0);
    expect(again.last).toMatchObject({ days: 2, skipped: 2, run: null });
  });

  it("keeps raw pages with --record and parses them again with reparse, without fetching", async () => {
    const rawDir = join(dataDir, "recorded");
    const recorded = await runCli(["day", "2025-06-02", "--record", rawDir, "--json"], env());
    expect(recorded.code).toBe(0);
    const before = server.requests.length;
    const runId = String(recorded.last?.runId);
    const reparsed = await runCli(["reparse", "--all", "--run", runId, "--dir", rawDir, "--json"], env());
    expect(reparsed.code, reparsed.stderr).toBe(0);
    expect(reparsed.last).toMatchObject({
      considered: 1,
      missing: 0,
      run: { status: "succeeded", items: 2 },
    });
    expect(server.requests.length).toBe(before);
  });
});
