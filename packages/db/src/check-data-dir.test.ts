import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DamagedDataDirError } from "./check-data-dir.ts";
import { createDb } from "./create-db.ts";
import { selectRows } from "./rows.ts";

// A damaged embedded database folder is refused with the folder, the cause and the way back (restore), never a
// WebAssembly trace, and not a byte of it changes; the lock is released for the next try.

const scratch = mkdtempSync(join(tmpdir(), "paperpulse-damaged-"));
const good = join(scratch, "good");
let papersFile = "";

beforeAll(async () => {
  const handle = await createDb({ dataDir: good, databaseUrl: undefined });
  await handle.db.execute(
    sql.raw(`insert into organizations (name, first_seen_at, last_seen_at) values ('lab', now(), now())`),
  );
  await handle.db.execute(
    sql.raw(`insert into papers (id, title, daily_date, daily_date_exact, organization_name, upvotes, comments,
             first_seen_at, last_seen_at)
             select '2405.' || lpad(i::text, 5, '0'), 'Paper ' || i, '2024-05-06', true, 'lab', i, 0, now(), now()
               from generate_series(1, 2000) i`),
  );
  // Counts the pages of every table: a file shorter than its count has lost rows.
  await handle.db.execute(sql`vacuum analyze`);
  const [row] = await selectRows<{ path: string }>(
    handle.db,
    sql`select pg_relation_filepath('papers') as path`,
  );
  papersFile = row?.path ?? "";
  await handle.close();
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under the folder's database with its content hash: to show nothing was written. */
function fingerprint(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(folder, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(join(folder, "pglite"));
  return out;
}

const damages: { name: string; damage: (pgdata: string) => void; reason: RegExp }[] = [
  {
    name: "version marker deleted",
    damage: (d) => rmSync(join(d, "PG_VERSION")),
    reason: /PG_VERSION is missing/,
  },
  {
    name: "control file cut short",
    damage: (d) => truncateSync(join(d, "global", "pg_control"), 100),
    reason: /pg_control \(the control file\) is 100 bytes/,
  },
  {
    name: "table file cut short",
    damage: (d) => truncateSync(join(d, papersFile), 8192 + 5000),
    reason: /base\/\d+\/\d+ is cut short \(1 of its \d+ pages\)/,
  },
  {
    name: "table file deleted",
    damage: (d) => rmSync(join(d, papersFile)),
    reason: /base\/\d+\/\d+ is missing/,
  },
  {
    name: "write-ahead log cut short",
    damage: (d) => {
      const wal = join(d, "pg_wal");
      const segment = readdirSync(wal).find((name) => /^[0-9A-F]{24}$/.test(name)) ?? "";
      truncateSync(join(wal, segment), 4096);
    },
    reason: /write-ahead log\) is cut short \(4096 bytes\)/,
  },
];

describe("a damaged embedded database folder", () => {
  it("opens when whole", async () => {
    const copy = join(scratch, "whole");
    cpSync(good, copy, { recursive: true });
    const handle = await createDb({ dataDir: copy, databaseUrl: undefined });
    const [row] = await selectRows<{ n: string }>(handle.db, sql`select count(*)::text as n from papers`);
    expect(row?.n).toBe("2000");
    await handle.close();
  }, 60_000);

  it("makes a new database again where the creation of one was stopped half way (a process killed at once)", async () => {
    const half = join(scratch, "half-made");
    cpSync(good, half, { recursive: true });
    // A creation stopped early: some files written, PG_VERSION not yet, the creation marker still there.
    rmSync(join(half, "pglite", "PG_VERSION"));
    writeFileSync(join(half, "pglite.creating"), "");
    const handle = await createDb({ dataDir: half, databaseUrl: undefined });
    const [row] = await selectRows<{ n: string }>(handle.db, sql`select count(*)::text as n from papers`);
    expect(row?.n).toBe("0");
    await handle.close();
    expect(existsSync(join(half, "pglite.creating"))).toBe(false);
    // Without the marker the same folder is a damaged database, never silently emptied.
    const damaged = join(scratch, "no-marker");
    cpSync(good, damaged, { recursive: true });
    rmSync(join(damaged, "pglite", "PG_VERSION"));
    await expect(createDb({ dataDir: damaged, databaseUrl: undefined })).rejects.toThrow(DamagedDataDirError);
  }, 60_000);

  it("opens with a partial page at the end of a table, as a write that met a full disk leaves", async () => {
    const copy = join(scratch, "partial-page");
    cpSync(good, copy, { recursive: true });
    appendFileSync(join(copy, "pglite", papersFile), Buffer.alloc(4096));
    const handle = await createDb({ dataDir: copy, databaseUrl: undefined });
    const [row] = await selectRows<{ n: string }>(handle.db, sql`select count(*)::text as n from papers`);
    expect(row?.n).toBe("2000");
    await handle.close();
  }, 60_000);

  for (const { name, damage, reason } of damages) {
    it(`is refused, unchanged, when its ${name}`, async () => {
      const copy = join(scratch, name.replaceAll(" ", "-"));
      cpSync(good, copy, { recursive: true });
      damage(join(copy, "pglite"));
      const before = fingerprint(copy);
      const error = await createDb({ dataDir: copy, databaseUrl: undefined }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DamagedDataDirError);
      const message = (error as Error).message;
      expect(message).toContain(`The embedded database in ${copy} is damaged`);
      expect(message).toMatch(reason);
      expect(message).toContain("pnpm scrape restore");
      expect(message).not.toMatch(/wasm|RuntimeError|Aborted/i);
      expect(fingerprint(copy)).toEqual(before);
      expect(existsSync(join(copy, "paperpulse.lock"))).toBe(false);
    }, 60_000);
  }
});
