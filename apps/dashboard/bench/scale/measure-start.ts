import { spawn } from "node:child_process";
import { freePort, repoRoot } from "../../tests/support/server";

/**
 * Seconds from `pnpm start` (scripts/start.mjs, as the README runs it) until the overview answers 200, on an
 * existing database; the server is stopped with SIGINT afterwards, as Ctrl+C would.
 */
export async function measureStart(database: { dataDir: string } | { databaseUrl: string }): Promise<number> {
  const port = await freePort();
  let output = "";
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: "databaseUrl" in database ? database.databaseUrl : "",
      PAPERPULSE_DATA_DIR: "dataDir" in database ? database.dataDir : "",
      PAPERPULSE_SCHEDULE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > 120_000)
        throw new Error(`pnpm start did not answer in 120 s:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
