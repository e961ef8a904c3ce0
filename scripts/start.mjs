// `pnpm start`: builds the dashboard if anything changed (turbo's cache makes an unchanged rebuild cost about a
// second), then serves it with `next start`. The server process owns the database, so signals are forwarded to it
// and it closes the embedded database (releasing its folder lock) before exiting.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dashboard = join(root, "apps", "dashboard");

const port = readPort(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
// next runs with apps/dashboard as its working directory: a relative folder is meant from the repository root.
const dataDir = resolve(root, process.env.PAPERPULSE_DATA_DIR?.trim() || "./.data");

const env = {
  ...process.env,
  PORT: String(port),
  PAPERPULSE_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  // The dashboard handles SIGINT/SIGTERM itself: it closes the database, then exits.
  NEXT_MANUAL_SIG_HANDLE: "1",
};

// The child running now (the build, then the server): signals go to it, and we exit when it does.
let current;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    else process.exit(exitCode(signal));
  });
}

build();

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
    serve();
  });
}

function serve() {
  let nextBin;
  try {
    nextBin = createRequire(join(dashboard, "package.json")).resolve("next/dist/bin/next");
  } catch {
    fail("Next.js is not installed in apps/dashboard: run `pnpm install` first.");
  }
  const where = databaseUrl ? `Postgres at ${redact(databaseUrl)}` : `embedded database in ${dataDir}`;
  console.log(`\nPaperpulse dashboard on http://localhost:${port} (${where})\n`);

  current = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    cwd: dashboard,
    stdio: "inherit",
    env,
  });
  current.on("error", (error) => fail(`Could not start next: ${error.message}`));
  current.on("exit", (code, signal) => {
    if (code !== null && code !== 0 && code < 128) console.error(`The dashboard exited with code ${code}.`);
    process.exit(code ?? exitCode(signal));
  });
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
