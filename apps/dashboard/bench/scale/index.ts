// The scale benchmark (`pnpm bench`): a five-year synthetic history (~36,700 papers) imported through the CLI,
// plus three years of hourly refreshes (10 million snapshots on Postgres, 1 million on PGlite); then every view and
// export served by the dashboard's server (serve.mjs) to 10 concurrent clients, the papers CSV alone with the server's memory, and how
// soon `pnpm start` answers. Prints a table, writes it to docs/benchmarks.md, and asserts nothing.
//
// Environment: BENCH_ENGINES (postgres,pglite), BENCH_SECONDS (10 per route, after BENCH_WARMUP 2), BENCH_CONNECTIONS
// (10), BENCH_ROUTES (a regular expression on route names), BENCH_CACHE (where the archive is written once;
// default the system's temporary folder), BENCH_REUSE=1 (keep the prepared databases and use them next time),
// BENCH_PREPARE_ONLY=1 (prepare the databases, measure nothing).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { dashboardDir, repoRoot, startDashboard } from "../../tests/support/server";
import { prepareScaleArchive } from "./data-set";
import { loadRoute } from "./load-route";
import { measureExport } from "./measure-export";
import { measureStart } from "./measure-start";
import { measureUncached } from "./measure-uncached";
import { prepareEngine } from "./prepare-engine";
import { readTreeMemory } from "./process-memory";
import { checkTargets, type Engine, type EngineResult, formatReport } from "./report";
import { listRoutes } from "./routes";

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const routeFilter = process.env.BENCH_ROUTES ? new RegExp(process.env.BENCH_ROUTES, "i") : null;
const cacheDir = process.env.BENCH_CACHE || join(tmpdir(), "paperpulse-scale-bench");
const reuse = process.env.BENCH_REUSE === "1";
const prepareOnly = process.env.BENCH_PREPARE_ONLY === "1";

function log(line: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const engines = selectEngines();
  ensureBuilt();
  mkdirSync(cacheDir, { recursive: true });
  const archiveStart = performance.now();
  const archive = prepareScaleArchive(cacheDir);
  log(
    `scale archive: ${archive.papers.toLocaleString("en")} papers in ${archive.files} captures (${archive.dir}, ` +
      `${((performance.now() - archiveStart) / 1000).toFixed(0)} s)`,
  );

  const results: EngineResult[] = [];
  for (const engine of engines) {
    const prepared = await prepareEngine(engine, archive, { cacheDir, reuse, log });
    if (prepareOnly) continue;
    try {
      const startSeconds = await measureStart(prepared.database);
      log(`${engine}: pnpm start answered in ${startSeconds.toFixed(1)} s`);
      const server = await startDashboard(prepared.database);
      try {
        const routes = (await listRoutes(server.url)).filter((r) => !routeFilter || routeFilter.test(r.name));
        const measured: EngineResult["routes"] = [];
        for (const route of routes) {
          const body = await (await fetch(`${server.url}${route.path}`)).arrayBuffer();
          const load = await loadRoute(`${server.url}${route.path}`, { connections, seconds, warmupSeconds });
          measured.push({ ...route, load, bodyBytes: body.byteLength });
          log(
            `${engine}: ${route.name.padEnd(32)} p50 ${load.p50.toFixed(0).padStart(5)}  p95 ${load.p95.toFixed(0).padStart(5)}  ` +
              `p99 ${load.p99.toFixed(0).padStart(5)} ms  ${load.rate.toFixed(1).padStart(6)} req/s` +
              `${load.failures > 0 ? `  ${load.failures} FAILED` : ""}`,
          );
        }
        const papersExport = await measureExport(`${server.url}/api/export/papers.csv`, server.pid);
        const peakMemory = readTreeMemory(server.pid, "VmHWM");
        await server.stop();
        const uncached = await measureUncached(prepared.database, routes);
        log(
          `${engine}: uncached, one client: papers CSV ${Math.round(uncached.papersExport.rate).toLocaleString("en")} rows/s`,
        );
        const result: EngineResult = {
          engine,
          counts: prepared.counts,
          importSeconds: prepared.importSeconds,
          importedItems: prepared.importedItems,
          fillSeconds: prepared.fillSeconds,
          startSeconds,
          routes: measured,
          papersExport,
          peakMemory,
          uncached,
        };
        results.push(result);
        for (const check of checkTargets(result).filter((c) => !c.met)) {
          log(`${engine}: MISSED ${check.what}: ${check.value} (target ${check.target})`);
        }
      } finally {
        await server.stop();
      }
    } finally {
      await prepared.cleanup();
    }
  }

  const report = formatReport(results, {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    command: "pnpm bench",
  });
  console.log(`\n${report}`);
  if (!routeFilter && engines.length === 2) {
    const path = join(repoRoot, "docs", "benchmarks.md");
    writeFileSync(path, `${header}\n${report}`);
    log(`written to ${path}`);
  }
}

const header = `# Benchmarks

The scale benchmark (\`pnpm bench\`, \`apps/dashboard/bench/scale\`) measures the dashboard at the size a full
backfill and three years of the hourly refresh reach: a deterministic synthetic history of every weekday
listing since May 2023, imported with \`pnpm scrape import\`, plus the snapshots, runs and pages of three years of refreshes. Targets:
every view p95 under 150 ms on Postgres and 500 ms on PGlite at 10 concurrent clients; the papers CSV at 150,000
rows/s or more alone, with the server's memory growing by less than 100 MB during it; the overview's HTML under
250 KB at any date range; \`pnpm start\` answering within 5 s. This file holds the last full run.

`;

function selectEngines(): Engine[] {
  const wanted = (process.env.BENCH_ENGINES ?? "postgres,pglite").split(",").map((e) => e.trim());
  const engines = wanted.filter((e): e is Engine => e === "postgres" || e === "pglite");
  if (engines.includes("postgres") && !process.env.TEST_DATABASE_URL) {
    console.log(
      "postgres: SKIPPED (TEST_DATABASE_URL is not set; `pnpm bench` starts a throwaway server when it can)",
    );
    return engines.filter((e) => e !== "postgres");
  }
  return engines;
}

function ensureBuilt(): void {
  if (existsSync(join(dashboardDir, ".next", "BUILD_ID"))) return;
  log("No production build: running next build first …");
  const result = spawnSync("pnpm", ["exec", "next", "build"], { cwd: dashboardDir, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

await main();
