// `pnpm bench` (turbo runs this as the dashboard's `bench` script): the server response time of every view on the
// imported shared archive, on embedded PGlite and on Postgres (TEST_DATABASE_URL), and the papers CSV export in
// rows per second. Sequential requests against `next start` (the production build); prints a table, asserts nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasHfFixtures, hfFixture, openServerDb } from "@paperpulse/db/testing";
import { importWithCli } from "../tests/support/import";
import { dashboardDir, type RunningDashboard, startDashboard } from "../tests/support/server";

const requestsPerView = Number(process.env.BENCH_REQUESTS ?? 20);
const warmup = 2;
const exportRuns = 3;

type Target = {
  name: string;
  start: () => Promise<{ server: RunningDashboard; cleanup: () => Promise<void> }>;
};
type Row = { view: string; path: string; results: Map<string, { p50: number; p95: number } | string> };

async function main(): Promise<void> {
  if (!hasHfFixtures) {
    console.log("dashboard bench: SKIPPED, the shared fixtures (../shared/fixtures/hf) are absent");
    return;
  }
  ensureBuilt();
  const archives = readdirSync(hfFixture("archive"))
    .filter((name) => name.endsWith(".tar.gz"))
    .map((name) => join(hfFixture("archive"), name));

  const targets: Target[] = [
    {
      name: "pglite",
      start: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-bench-"));
        await timed("import the archive into PGlite", () => importWithCli(dataDir, archives));
        const server = await startDashboard({ dataDir });
        return { server, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
  ];
  if (process.env.TEST_DATABASE_URL) {
    targets.push({
      name: "postgres",
      start: async () => {
        const database = await openServerDb();
        const url = database.url ?? "";
        await timed("import the archive into Postgres", () => importWithCli("", archives, url));
        const server = await startDashboard({ databaseUrl: url });
        return { server, cleanup: () => database.close() };
      },
    });
  } else {
    console.log(
      "Postgres: SKIPPED (TEST_DATABASE_URL is not set; `pnpm bench` starts a throwaway server when it can)",
    );
  }

  const rows: Row[] = [];
  const exports = new Map<string, string>();
  for (const target of targets) {
    const { server, cleanup } = await target.start();
    try {
      const views = await viewsOf(server.url);
      for (const [view, path] of views) {
        let row = rows.find((r) => r.view === view);
        if (!row) {
          row = { view, path, results: new Map() };
          rows.push(row);
        }
        row.results.set(target.name, await measure(`${server.url}${path}`));
      }
      exports.set(target.name, await measureExport(`${server.url}/api/export/papers.csv`));
    } finally {
      await server.stop();
      await cleanup();
    }
  }

  const names = targets.map((t) => t.name);
  console.log(
    `\nServer response time, ms (${requestsPerView} sequential requests per view after ${warmup} warm-up)`,
  );
  const header = ["view", ...names.flatMap((n) => [`${n} p50`, `${n} p95`])];
  const table = rows.map((row) => [
    `${row.view}  ${row.path}`,
    ...names.flatMap((n) => {
      const result = row.results.get(n);
      return typeof result === "object"
        ? [result.p50.toFixed(1), result.p95.toFixed(1)]
        : [result ?? "-", ""];
    }),
  ]);
  printTable(header, table);
  console.log(`\nPapers CSV export (all papers, median of ${exportRuns} downloads)`);
  printTable(
    ["database", "result"],
    names.map((n) => [n, exports.get(n) ?? "-"]),
  );
  console.log("\nTimings depend on the machine and its load; nothing here is asserted.");
}

/** The views to time, with real ids from the running server's data. */
async function viewsOf(base: string): Promise<[string, string][]> {
  const csv = await (await fetch(`${base}/api/export/papers.csv?sort=-upvotes&minUpvotes=50`)).text();
  const paperId = csv.split("\r\n")[1]?.split(",")[0] ?? "none";
  const orgs = await (await fetch(`${base}/api/export/orgs.csv`)).text();
  const org = orgs.split("\r\n")[1]?.split(",")[0] ?? "none";
  return [
    ["overview", "/"],
    ["overview by month", "/?granularity=month"],
    ["overview, one org", `/?org=${encodeURIComponent(org)}`],
    ["papers", "/papers"],
    ["papers, text search", "/papers?q=diffusion&sort=title"],
    ["papers, deep page", "/papers?sort=-date&page=150"],
    ["paper", `/papers/${encodeURIComponent(paperId)}`],
    ["organisations", "/orgs"],
    ["organisations by week", "/orgs?granularity=week&top=12"],
    ["organisation", `/orgs/${encodeURIComponent(org)}`],
    ["topics", "/topics"],
    ["topics, one org, by week", `/topics?org=${encodeURIComponent(org)}&granularity=week`],
    ["runs", "/runs"],
    ["run", "/runs/1"],
    ["daily CSV", "/api/export/daily.csv"],
    ["orgs CSV", "/api/export/orgs.csv"],
    ["topics CSV", "/api/export/topics.csv"],
  ];
}

async function measure(url: string): Promise<{ p50: number; p95: number } | string> {
  const times: number[] = [];
  for (let i = 0; i < warmup + requestsPerView; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) return `HTTP ${response.status}`;
    if (i >= warmup) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function measureExport(url: string): Promise<string> {
  const results: { rows: number; ms: number }[] = [];
  for (let i = 0; i < exportRuns; i++) {
    const started = performance.now();
    const body = await (await fetch(url)).text();
    const ms = performance.now() - started;
    results.push({ rows: body.split("\r\n").length - 2, ms });
  }
  results.sort((a, b) => a.ms - b.ms);
  const median = results[Math.floor(results.length / 2)] ?? { rows: 0, ms: 1 };
  return `${median.rows} rows in ${median.ms.toFixed(0)} ms = ${Math.round((median.rows / median.ms) * 1000)} rows/s`;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function ensureBuilt(): void {
  if (existsSync(join(dashboardDir, ".next", "BUILD_ID"))) return;
  console.log("No production build: running next build first …");
  const result = spawnSync("pnpm", ["exec", "next", "build"], { cwd: dashboardDir, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

await main();
