// `pnpm screenshots`: the README's screenshots of every dashboard view (docs/screenshots/*.png), taken on a
// synthetic archive, so that no real paper title or abstract ends up in the repository.
//
// Writes the archive into a temporary folder, imports it with `pnpm scrape import` (one run per month, so the Runs
// view has a history), recomputes topics, builds and serves the dashboard on that folder with the schedule off
// (the Runs view with it on, to show it), and photographs each view in headless Chromium at 1280×900. The server and the temporary folder go away at the
// end, also on failure or Ctrl-C. Run with tsx (the generator is TypeScript): `pnpm screenshots`.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS } from "../../apps/scraper/src/render/render-listing.ts";
import { writeSyntheticArchive } from "../../apps/scraper/testing/synthetic-archive.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dashboard = join(root, "apps", "dashboard");
const outDir = join(root, "docs", "screenshots");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const viewport = { width: 1280, height: 900 };
const maxBytes = 400 * 1024;

const temp = mkdtempSync(join(tmpdir(), "paperpulse-screenshots-"));
const dataDir = join(temp, "data");
const archiveDir = join(temp, "hf-archive");
const env = {
  ...process.env,
  PAPERPULSE_DATA_DIR: dataDir,
  PAPERPULSE_RAW_DIR: join(temp, "raw"),
  PAPERPULSE_SCHEDULE: "off",
  DATABASE_URL: "",
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
};

let server;
let browser;
let cleaned = false;

async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => {});
  if (server) await stopChild(server);
  rmSync(temp, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and removing ${temp}`);
    void cleanUp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

try {
  await main();
  await cleanUp();
} catch (error) {
  console.error(`screenshots failed: ${error instanceof Error ? error.stack : String(error)}`);
  await cleanUp();
  process.exit(1);
}

async function main() {
  step("Writing the synthetic archive");
  const archive = writeSyntheticArchive(join(temp, "generated"));
  console.log(
    `  ${archive.papers.length} papers over ${archive.days.length} weekdays (${archive.days[0]} … ${archive.days.at(-1)}), ${archive.files.length} captures`,
  );
  // One folder per listing month, imported as one run each. Renaming keeps the modification (capture) times.
  const months = new Set();
  for (const file of archive.files) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    const month = (name.match(/\d{4}-\d{2}/) ?? ["unknown"])[0];
    months.add(month);
    mkdirSync(join(archiveDir, month), { recursive: true });
    renameSync(file, join(archiveDir, month, name));
  }

  for (const month of [...months].sort()) {
    step(`Importing ${month}`);
    run("pnpm", ["scrape", "import", join(archiveDir, month)]);
  }
  const help = spawnSync("pnpm", ["scrape", "--help"], { cwd: root, env, encoding: "utf8" });
  if (/^\s+retopic\b/m.test(`${help.stdout}${help.stderr}`)) {
    step("Recomputing topics");
    run("pnpm", ["scrape", "retopic"]);
  }

  step("Building the dashboard");
  run("pnpm", ["exec", "turbo", "run", "build", "--filter=@paperpulse/dashboard", "--output-logs=new-only"]);

  step("Starting the dashboard");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = startServer(port);
  await waitUntilServing(server, url);
  console.log(`  ${url}`);

  // A paper with a full curve that stands out from its day; the organisation with the most papers.
  const captures = Math.max(...archive.papers.map((p) => p.captures));
  const byUpvotes = archive.papers
    .filter((p) => p.captures === captures)
    .sort((a, b) => b.upvotes - a.upvotes || a.id.localeCompare(b.id));
  const curvePaper = byUpvotes.find((p) => p.comments >= 6 && p.upvotes <= 250) ?? byUpvotes[0];
  const orgCounts = new Map();
  for (const p of archive.papers)
    if (p.organization) orgCounts.set(p.organization, (orgCounts.get(p.organization) ?? 0) + 1);
  const busiestOrg = [...orgCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!curvePaper || !busiestOrg) throw new Error("the archive has no paper or organisation to show");

  const views = [
    { name: "overview", path: "/", wait: ["[data-chart=upvotes] .recharts-bar-rectangle"] },
    { name: "papers", path: "/papers", wait: ["table.papers tbody tr"] },
    {
      name: "paper",
      path: `/papers/${encodeURIComponent(curvePaper.id)}`,
      wait: ["[data-chart=curve-upvotes] .recharts-line-curve"],
    },
    { name: "orgs", path: "/orgs", wait: ["[data-chart=org-activity] .recharts-bar-rectangle"] },
    {
      name: "org",
      path: `/orgs/${encodeURIComponent(busiestOrg)}`,
      wait: ["[data-chart=upvotes] .recharts-bar-rectangle"],
    },
    { name: "topics", path: "/topics", wait: ["[data-chart=topic-shares] .recharts-line-curve"] },
    { name: "rising", path: "/rising?window=7d", wait: ["table.rising tbody tr"] },
    { name: "compare", path: "/compare", wait: ["[data-chart=compare] .recharts-line-curve"] },
    { name: "authors", path: "/authors", wait: ["table.authors tbody tr"] },
    // The Runs view shows the schedule: it is taken from a server with the default schedule on (see below).
    { name: "runs", path: "/runs", wait: ["tr[data-run-id]", "[data-schedule]"], schedule: true },
  ];

  step("Taking screenshots");
  const { chromium } = createRequire(join(dashboard, "package.json"))("playwright-core");
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS],
  });
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: "light" });
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  mkdirSync(outDir, { recursive: true });
  for (const view of views) {
    if (view.schedule && !server.scheduling) {
      // The default schedule, run by the server as `pnpm start` would. Its scrape target is a loopback address the
      // scraper refuses before recording a run, so a job falling due meanwhile sends nothing to Hugging Face.
      await stopChild(server);
      server = startServer(port, { PAPERPULSE_SCHEDULE: "on", HF_BASE_URL: "http://127.0.0.1:9" });
      server.scheduling = true;
      await waitUntilServing(server, url);
    }
    const before = problems.length;
    const response = await page.goto(`${url}${view.path}`, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${view.path} answered ${response?.status()}`);
    for (const selector of view.wait) await page.waitForSelector(selector, { timeout: 30_000 });
    if ((await page.locator(".recharts-surface").count()) > 0)
      await page.waitForSelector(".recharts-surface");
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.move(0, 0); // no hover state in the pictures
    await page.waitForTimeout(300);
    const path = join(outDir, `${view.name}.png`);
    await page.screenshot({ path, animations: "disabled" });
    const bytes = statSync(path).size;
    console.log(`  ${view.name.padEnd(9)} ${view.path.padEnd(28)} ${(bytes / 1024).toFixed(0)} KB`);
    if (bytes > maxBytes) throw new Error(`${path} is ${bytes} bytes, over ${maxBytes}`);
    for (const problem of problems.slice(before)) console.warn(`  ! ${view.path}: ${problem}`);
  }
  console.log(`\nWrote ${views.length} screenshots to ${outDir}`);
  if (problems.length > 0) console.warn(`${problems.length} browser errors, listed above.`);
}

function step(text) {
  console.log(`\n== ${text}`);
}

/** Runs a command from the repository root with the temporary folder's environment; fails on a non-zero exit. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
}

function startServer(port, extraEnv = {}) {
  const child = spawn(process.execPath, [join(dashboard, "serve.mjs")], {
    cwd: dashboard,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.output = "";
  const collect = (chunk) => {
    child.output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  return child;
}

async function waitUntilServing(child, url) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the dashboard exited with ${child.exitCode}:\n${child.output}`);
    try {
      // A 404 for an unknown paper means a route ran a query: the database is open.
      const response = await fetch(`${url}/api/export/snapshots.csv?paper=readiness-probe`, {
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the dashboard did not answer within 90 s:\n${child.output}`);
}

/** SIGTERM (the dashboard closes its database, releasing the folder lock), then SIGKILL after 10 s. */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}
