import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { withServerNodeOptions } from "../../server-node-options.mjs";

export const dashboardDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoRoot = join(dashboardDir, "..", "..");

/** The tests run the production build, as `pnpm start` does; turbo builds it first (`dependsOn: ["build"]`). */
export function assertBuilt(): void {
  if (!existsSync(join(dashboardDir, ".next", "BUILD_ID"))) {
    throw new Error(
      "apps/dashboard has no production build (.next/BUILD_ID is missing). Run `pnpm test` from the repository " +
        "root (turbo builds first), or `pnpm exec turbo run build --filter=@paperpulse/dashboard`.",
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export type RunningDashboard = {
  url: string;
  /** The server process (serve.mjs). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts the dashboard's server (serve.mjs, as `pnpm start` runs it) on a free port against an embedded data folder or a Postgres URL, and waits until it
 * answers. The database opens at boot (instrumentation), so "answers" means it is ready to serve data.
 */
export async function startDashboard(
  database: { dataDir: string } | { databaseUrl: string },
  options: { env?: Record<string, string> } = {},
): Promise<RunningDashboard> {
  assertBuilt();
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [join(dashboardDir, "serve.mjs")], {
    cwd: dashboardDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PAPERPULSE_ALLOWED_HOSTS: "",
      PAPERPULSE_TRUST_PROXY: "",
      DATABASE_URL: "databaseUrl" in database ? database.databaseUrl : "",
      PAPERPULSE_DATA_DIR: "dataDir" in database ? database.dataDir : "",
      PAPERPULSE_SCHEDULE: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      // Tests choose these explicitly: never inherited from the shell running them.
      PAPERPULSE_ADMIN_TOKEN: "",
      HF_BASE_URL: "",
      PAPERPULSE_ALLOW_PRIVATE_HOSTS: "",
      NODE_OPTIONS: withServerNodeOptions(process.env.NODE_OPTIONS),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(child, url, () => output);
  return { url, pid: child.pid ?? 0, output: () => output, stop: () => stopChild(child) };
}

async function waitUntilServing(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the dashboard exited with ${child.exitCode} before serving:\n${output()}`);
    }
    try {
      // A 404 for an unknown paper means the route ran a query: the database is open.
      const response = await fetch(`${url}/api/export/snapshots.csv?paper=readiness-probe`, {
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopChild(child);
  throw new Error(`the dashboard did not answer within 60 s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
