import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { hfFixture } from "@paperpulse/db/testing";
import { repoRoot } from "./server";

/**
 * Seeds a database the way a user does: `pnpm scrape import PATH...` from the repository root, into an embedded
 * data folder, or into Postgres when a URL is given.
 */
export function importWithCli(dataDir: string, paths: string[], databaseUrl = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn("pnpm", ["scrape", "import", ...paths], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PAPERPULSE_DATA_DIR: dataDir,
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
    child.on("error", (error) => reject(new Error(`could not run pnpm scrape import: ${error.message}`)));
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`pnpm scrape import exited with ${code}:\n${output}`)),
    );
  });
}

/** The recorded archives of ../shared/fixtures/hf/archive, as `pnpm scrape import` takes them. */
export function hfArchives(): string[] {
  const archiveDir = hfFixture("archive");
  return readdirSync(archiveDir)
    .filter((name) => name.endsWith(".tar.gz"))
    .map((name) => join(archiveDir, name));
}
