// `pnpm start`: builds the dashboard if anything changed (turbo's cache makes an unchanged rebuild cost about a
// second), then serves it (apps/dashboard/serve.mjs: Next behind node:http, on loopback unless HOST says
// otherwise). The server process owns the database, so signals are forwarded to it and it closes the embedded
// database (releasing its folder lock) before exiting.
import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withServerNodeOptions } from "../apps/dashboard/server-node-options.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dashboard = join(root, "apps", "dashboard");

const port = readPort(process.env.PORT);
// Loopback unless the operator opens the dashboard to the network (README: running on a server).
const host = process.env.HOST?.trim() || "127.0.0.1";
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
// next runs with apps/dashboard as its working directory: a relative folder is meant from the repository root.
const dataDir = resolve(root, process.env.PAPERPULSE_DATA_DIR?.trim() || "./.data");

const env = {
  ...process.env,
  PORT: String(port),
  HOST: host,
  PAPERPULSE_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
};

// The child running now (the build, then the server): signals go to it, and we exit when it does.
let current;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    else process.exit(exitCode(signal));
  });
}

// The schedule is read (in a TypeScript child) while turbo checks the build: both take most of a second.
const schedule = printSchedule();
build();

/**
 * Prints when the schedule fires next (or that scheduling is off), from the same configuration the dashboard and
 * `pnpm scrape schedule` read; an environment the scraper's schema refuses (a schedule that does not parse, a
 * limit out of range) stops here with the reason (exit 2).
 */
async function printSchedule() {
  const scraper = (...path) =>
    JSON.stringify(pathToFileURL(join(root, "apps", "scraper", "src", ...path)).href);
  const code = `
    import { parseScraperEnv } from ${scraper("config", "env.ts")};
    import { listNextRuns, loadScheduleConfig } from ${scraper("schedule", "schedule-config.ts")};
    try {
      const config = loadScheduleConfig(parseScraperEnv(process.env));
      const runs = config.enabled ? listNextRuns(config, 3) : [];
      console.log(JSON.stringify({ jobs: config.jobs, runs }));
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    }`;
  const result = await run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", code]);
  if (result.status === 2) {
    console.error(`The environment is misconfigured: ${result.stderr.trim()}`);
    // The build may be under way: stop it too.
    current?.kill("SIGTERM");
    process.exit(2);
  }
  if (result.status !== 0) {
    console.warn(`Could not read the schedule (${result.stderr.trim() || result.error}); starting anyway.`);
    return;
  }
  const { jobs, runs } = JSON.parse(result.stdout.trim().split("\n").at(-1));
  if (runs.length === 0) {
    console.log("Schedule: scheduling off (PAPERPULSE_SCHEDULE=off, or every job set to off).");
    return;
  }
  const who = databaseUrl
    ? "server mode: run by `pnpm scrape schedule`, not by the dashboard"
    : "embedded mode: run by the dashboard process";
  console.log(`Schedule (${who}), times in UTC:`);
  for (const run of runs) {
    const cron = jobs.find((job) => job.name === run.name)?.cron ?? "?";
    console.log(
      `  ${run.name} (${cron}): next ${run.next.map((at) => at.replace(/:00\.000Z$/, "Z")).join(", ")}`,
    );
  }
}

/** Runs a command to its end, collecting its output. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) => resolve({ status: null, stdout, stderr, error: error.message }));
    child.on("close", (status) => resolve({ status, stdout, stderr, error: null }));
  });
}

function build() {
  console.log("Building the dashboard (skipped when nothing changed) …");
  current = spawn(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=@paperpulse/dashboard", "--output-logs=new-only"],
    { cwd: root, stdio: "inherit", env },
  );
  current.on("error", (error) =>
    fail(
      `Could not run the build (pnpm exec turbo): ${error.message}. Is pnpm installed? Run \`pnpm install\`.`,
    ),
  );
  current.on("exit", (code, signal) => {
    if (signal) process.exit(exitCode(signal));
    if (code !== 0) fail(`The dashboard build failed (turbo exited with ${code}): see the output above.`);
    schedule.then(serve, (error) =>
      fail(`Could not read the schedule: ${error instanceof Error ? error.message : error}`),
    );
  });
}

function serve() {
  const where = databaseUrl ? `Postgres at ${redact(databaseUrl)}` : `embedded database in ${dataDir}`;
  console.log(`\nPaperpulse dashboard on ${printedUrl()} (${where})`);
  console.log(`${describeListening()}\n`);

  current = spawn(process.execPath, [join(dashboard, "serve.mjs")], {
    cwd: dashboard,
    stdio: "inherit",
    env: { ...env, NODE_OPTIONS: withServerNodeOptions(env.NODE_OPTIONS) },
  });
  current.on("error", (error) => fail(`Could not start the dashboard: ${error.message}`));
  current.on("exit", (code, signal) => {
    if (code !== null && code !== 0 && code < 128) console.error(`The dashboard exited with code ${code}.`);
    process.exit(code ?? exitCode(signal));
  });
}

const wildcard = host === "0.0.0.0" || host === "::" || host === "[::]";
const loopback = host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);

/** The address to open: localhost on loopback, this machine's name on every interface, else HOST itself. */
function printedUrl() {
  if (loopback) return `http://localhost:${port}`;
  if (wildcard) return `http://${hostname()}:${port}`;
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
}

function describeListening() {
  if (loopback) {
    return `Listening on ${host} only: this machine alone can open it. To serve others, see "Running on a server" in the README (HOST, PAPERPULSE_ADMIN_TOKEN).`;
  }
  const token = process.env.PAPERPULSE_ADMIN_TOKEN?.trim()
    ? "Run now needs PAPERPULSE_ADMIN_TOKEN."
    : "Run now is off: PAPERPULSE_ADMIN_TOKEN is not set.";
  return `Listening on ${wildcard ? "every interface" : host} (HOST=${host}): anyone who reaches this machine can read the dashboard. ${token}`;
}

function exitCode(signal) {
  return 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0);
}

function readPort(value) {
  if (value === undefined || value.trim() === "") return 3000;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65_535) {
    console.error(`PORT must be a port number (1-65535), got "${value}".`);
    process.exit(2);
  }
  return number;
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
