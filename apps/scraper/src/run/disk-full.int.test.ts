import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, selectRows } from "@paperpulse/db";
import { describeWhen } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cliPath } from "../../testing/cli-env.ts";
import { type SyntheticArchive, writeSyntheticArchive } from "../../testing/synthetic-archive.ts";

// An import whose embedded database sits on a disk that fills up part way (a small tmpfs): the run ends at the page
// that met the full disk, reported as DISK_FULL with what to do; the pages stored before it are intact; the lock
// is released. Mounting needs root (as on CI, where the tests run as root in a container).

const scratch = mkdtempSync(join(tmpdir(), "paperpulse-disk-full-"));
const mountPoint = join(scratch, "small-disk");
mkdirSync(mountPoint);

/** Mounts a tmpfs of `megabytes` at the mount point; false when this machine does not allow it. */
function mountTmpfs(megabytes: number): boolean {
  return spawnSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", mountPoint]).status === 0;
}
const canMount = mountTmpfs(1) && spawnSync("umount", [mountPoint]).status === 0;

afterAll(() => {
  spawnSync("umount", [mountPoint]);
  rmSync(scratch, { recursive: true, force: true });
});

describeWhen(canMount, "cannot mount a tmpfs here (needs root)", "a disk that fills during an import", () => {
  let archive: SyntheticArchive;
  let result: { code: number | null; stdout: string; stderr: string };
  const dataDir = join(mountPoint, "data");

  beforeAll(async () => {
    // Long abstracts and many pages: far more than the room left on the small disk.
    archive = writeSyntheticArchive(join(scratch, "captures"), { days: 40, abstractChars: 6000 });
    // A freshly created embedded database takes about 41 MB (16 of them the write-ahead log): 4 MB more is room
    // for a few pages only.
    expect(mountTmpfs(45)).toBe(true);
    const created = await createDb({ dataDir, databaseUrl: undefined });
    await created.close();
    result = await runCli(["import", ...archive.files], { PAPERPULSE_DATA_DIR: dataDir });
  }, 300_000);

  it("ends the run at the page that met the full disk, saying so", () => {
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(
      /DISK_FULL the disk holding the database is full \(.*\): free space or move the database/,
    );
    expect(output).not.toMatch(/RuntimeError|Aborted\(|wasm-function/);
    expect(existsSync(join(dataDir, "paperpulse.lock"))).toBe(false);
  });

  it("keeps every page stored before it, whole", async () => {
    const stored = Number(/run #\d+ \w+: (\d+) pages \((\d+) failed\)/.exec(result.stdout)?.[1] ?? "0") - 1;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(archive.files.length);
    // Read from a copy on a disk with room: opening writes a little (a checkpoint on close).
    const copy = join(scratch, "copy");
    cpSync(dataDir, copy, { recursive: true });
    const handle = await createDb({ dataDir: copy, databaseUrl: undefined });
    try {
      const expected = new Set(
        archive.captures.slice(0, stored).flatMap((c) => c.items.map((i) => i.paper.id)),
      );
      const rows = await selectRows<{ id: string }>(handle.db, sql`select id from papers`);
      expect(new Set(rows.map((r) => r.id))).toEqual(expected);
      const [snapshots] = await selectRows<{ n: string }>(
        handle.db,
        sql`select count(*)::text as n from paper_snapshots`,
      );
      // As many as the run's summary counted for the pages it stored.
      expect(Number(snapshots?.n)).toBe(
        Number(/ ([\d,]+) snapshots/.exec(result.stdout)?.[1]?.replaceAll(",", "")),
      );
    } finally {
      await handle.close();
    }
  }, 120_000);
});

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", cliPath, ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
