import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOnServer, openServerDb, type TestDbHandle } from "../../testing/databases.ts";
import { migrateUpTo } from "../../testing/old-migrations.ts";
import { type CreateDbOptions, createDb, type DbHandle } from "../create-db.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import type { CapturedPaper } from "../write/capture.ts";
import { finishRun, recordFailedPage, startRun } from "../write/runs.ts";
import { saveCapture } from "../write/save-capture.ts";
import { backUp } from "./back-up.ts";
import { BackupError } from "./backup-error.ts";
import { listSequences, listTables, tableKey } from "./list-tables.ts";
import { restoreBackup } from "./restore-backup.ts";
import { inTransaction } from "./session.ts";

// Backups of either engine restored into either engine, compared table by table, row by row (as COPY prints them);
// and what restore refuses: a target holding data (unless forced), a file cut short, a file that is no backup.

const serverUrl = process.env.TEST_DATABASE_URL;
const scratch = mkdtempSync(join(tmpdir(), "paperpulse-backup-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
const newFolder = () => join(scratch, `db-${++folders}`);

// Text COPY must carry unchanged: tabs, line breaks, backslashes, quotes, non-Latin scripts, NULLs.
const awkward = [
  "tab\there",
  "two\nlines\r\nand a return",
  "back\\slash \\N not null",
  "“quotes” 'and' \"more\"",
  "日本語 ✓ 🚀",
];

function paper(i: number, day: string): CapturedPaper {
  return {
    id: `2405.${String(10000 + i)}`,
    title: `${awkward[i % awkward.length]} #${i}`,
    summary: i % 3 === 0 ? null : `Summary ${i}: ${awkward[(i + 1) % awkward.length]}`,
    publishedAt: new Date(Date.UTC(2024, 4, 1 + (i % 20), 9, 30, 15, 250)),
    dailyDate: day,
    organization: i % 4 === 0 ? null : { name: `Lab-${i % 3}`, fullname: `Lab ${i % 3}\tfull`, avatar: null },
    submittedBy: i % 2 ? `user${i}` : null,
    githubRepo: i % 5 === 0 ? `https://github.com/x/repo-${i}` : null,
    githubStars: i % 5 === 0 ? i * 7 : null,
    projectPage: null,
    aiSummary: i % 2 ? null : `AI says ${awkward[i % awkward.length]}`,
    aiKeywords: i % 2 ? null : ["Diffusion Models", `kw ${i % 4}`],
    upvotes: (i * 13) % 97,
    comments: i % 6,
    authors: [
      { name: `Author ${i}`, hfUser: null },
      { name: awkward[(i + 2) % awkward.length] ?? "", hfUser: `hf${i}` },
    ],
    authorCount: 2,
    rank: (i % 10) + 1,
    topics: i % 2 ? ["llm"] : ["video", "llm"],
    keywords: i % 2 ? [] : ["diffusion models", `kw ${i % 4}`],
  };
}

/** Three runs of captures (one failed page among them), as the scraper would store them. */
async function seed(db: Db): Promise<void> {
  const days = ["2024-05-06", "2024-05-07", "2024-05-08"];
  for (const [run, day] of days.entries()) {
    const { id } = await startRun(db, { trigger: "cli", command: `seed ${day}`, plan: { day } });
    for (const hour of [8, 14]) {
      await saveCapture(db, {
        runId: id,
        page: { url: `https://example.test/papers/date/${day}?h=${hour}`, kind: "page" },
        capture: {
          capturedAt: new Date(`${day}T${String(hour).padStart(2, "0")}:00:00.123Z`),
          listingDate: day,
          papers: Array.from({ length: 12 }, (_, i) => {
            const p = paper(run * 12 + i, day);
            return { ...p, upvotes: p.upvotes + hour };
          }),
        },
      });
    }
    if (run === 1) {
      await recordFailedPage(db, {
        runId: id,
        url: `https://example.test/papers/date/${day}?broken`,
        kind: "page",
        listingDate: day,
        capturedAt: new Date(`${day}T20:00:00.000Z`),
        errorCode: "PARSE_FAILED",
        error: "no listing\tin the page",
      });
    }
    await finishRun(db, id, { status: run === 1 ? "partial" : "succeeded" });
  }
}

/** Every table as COPY prints it (sorted lines), and where each sequence stands. The data version moves on restore. */
async function contentsOf(handle: DbHandle): Promise<Record<string, string[]>> {
  return inTransaction(handle, async (session) => {
    await session.query("set local timezone = 'UTC'");
    const out: Record<string, string[]> = {};
    for (const { table, columns } of await listTables(session)) {
      if (tableKey(table) === "data_state") continue;
      const lines: string[] = [];
      for await (const batch of session.copyOut(table, columns)) lines.push(...batch);
      out[tableKey(table)] = lines.sort();
    }
    sequences.set(out, await listSequences(session));
    return out;
  });
}

const sequences = new WeakMap<object, { sequence: string; value: number | null }[]>();

/**
 * Table by table, so that a difference names its table; sequences never behind the source's (a PGlite dump is
 * read back as after a crash, where Postgres moves sequences past the values it logged ahead: gaps, never reuse).
 */
function expectSame(actual: Record<string, string[]>, expected: Record<string, string[]>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [table, rows] of Object.entries(expected))
    expect({ table, rows: actual[table] }).toEqual({ table, rows });
  const before = sequences.get(expected) ?? [];
  const after = sequences.get(actual) ?? [];
  expect(after.map((s) => s.sequence)).toEqual(before.map((s) => s.sequence));
  for (const [i, s] of before.entries()) expect(after[i]?.value ?? 0).toBeGreaterThanOrEqual(s.value ?? 0);
}

async function withDb<T>(target: CreateDbOptions, work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await createDb(target);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function versionOf(handle: DbHandle): Promise<number> {
  return inTransaction(handle, async (session) => {
    const [row] = await session.query<{ version: string | number }>("select version from data_state");
    return Number(row?.version);
  });
}

type Target = { kind: "pglite" | "postgres"; options: () => Promise<CreateDbOptions> };

const servers: TestDbHandle[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

/** An empty target of each engine: a new PGlite folder, a new database on the test server (created empty). */
const targets: Target[] = [
  { kind: "pglite", options: async () => ({ dataDir: newFolder(), databaseUrl: undefined }) },
  ...(serverUrl
    ? [
        {
          kind: "postgres" as const,
          options: async () => {
            const server = await openServerDb();
            servers.push(server);
            // openServerDb migrates: drop the schema again, as an empty database a user created would be.
            for (const statement of [
              "drop schema public cascade",
              "drop schema drizzle cascade",
              "create schema public",
            ])
              await server.db.execute(sql.raw(statement));
            return { databaseUrl: server.url };
          },
        },
      ]
    : []),
];

describe("backup and restore [pglite source]", () => {
  const source = { dataDir: "", databaseUrl: undefined } as CreateDbOptions;
  let expected: Record<string, string[]>;
  let version: number;
  let file: string;

  beforeAll(async () => {
    source.dataDir = newFolder();
    file = join(scratch, "embedded.tar.gz");
    await withDb(source, async (handle) => {
      await seed(handle.db);
      expected = await contentsOf(handle);
      version = await versionOf(handle);
      const summary = await backUp(handle, file);
      expect(summary.format).toBe("pglite");
    });
  }, 120_000);

  it("holds what was seeded", () => {
    expect(expected.papers).toHaveLength(36);
    expect(expected.paper_snapshots).toHaveLength(72);
    expect(expected.scrape_pages?.some((line) => line.includes("no listing\\tin the page"))).toBe(true);
  });

  for (const target of targets) {
    it(`restores into an empty ${target.kind} database, every table equal`, async () => {
      const options = await target.options();
      const summary = await restoreBackup(file, { target: options });
      expect(summary.format).toBe("pglite");
      expect(summary.rows.papers).toBe(36);
      await withDb(options, async (handle) => {
        expect(handle.kind).toBe(target.kind);
        expectSame(await contentsOf(handle), expected);
        expect(await versionOf(handle)).toBeGreaterThan(version);
      });
    }, 120_000);
  }

  it("refuses a target that holds data unless forced, and leaves it as it was", async () => {
    const other = { dataDir: newFolder(), databaseUrl: undefined };
    let before: Record<string, string[]> = {};
    await withDb(other, async (handle) => {
      await seedOther(handle.db);
      before = await contentsOf(handle);
    });
    const refusal = await restoreBackup(file, { target: other }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).code).toBe("RESTORE_NOT_EMPTY");
    expect((refusal as Error).message).toMatch(/already holds 1 papers and 1 runs.*--force/);
    await withDb(other, async (handle) => expect(await contentsOf(handle)).toEqual(before));
    await restoreBackup(file, { target: other, force: true });
    await withDb(other, async (handle) => expectSame(await contentsOf(handle), expected));
  }, 120_000);

  it("refuses a file cut short or no backup at all, changing nothing", async () => {
    const cut = join(scratch, "cut.tar.gz");
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const notBackup = join(scratch, "notes.txt");
    writeFileSync(notBackup, "just some notes\n");
    const other = { dataDir: newFolder(), databaseUrl: undefined };
    await withDb(other, (handle) => seedOther(handle.db));
    for (const [path, reason] of [
      [
        cut,
        /cut\.tar\.gz is not a backup that can be restored: it does not unpack to its end \(unexpected end of file\)/,
      ],
      [
        notBackup,
        /notes\.txt is not a backup that can be restored: it is not gzipped and not a pg_dump archive/,
      ],
      [join(scratch, "missing.dump"), /missing\.dump is not a backup that can be restored: ENOENT/],
    ] as const) {
      const error = await restoreBackup(path, { target: other, force: true }).catch((e: unknown) => e);
      expect((error as BackupError).code).toBe("BACKUP_UNREADABLE");
      expect((error as Error).message).toMatch(reason);
    }
    await withDb(other, async (handle) => expect((await contentsOf(handle)).papers).toHaveLength(1));
  }, 120_000);

  it("does not replace an existing backup file unless forced", async () => {
    await withDb(source, async (handle) => {
      const error = await backUp(handle, file).catch((e: unknown) => e);
      expect((error as BackupError).code).toBe("BACKUP_EXISTS");
      expect((await backUp(handle, file, { force: true })).format).toBe("pglite");
    });
  }, 120_000);
});

describeOnServer("backup and restore [postgres source]", () => {
  let server: TestDbHandle;
  let expected: Record<string, string[]>;

  beforeAll(async () => {
    server = await openServerDb();
    await seed(server.db);
    expected = await contentsOf(server);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  for (const [index, method] of (["pg_dump", "logical", "logical (no pg_dump on PATH)"] as const).entries()) {
    for (const target of targets) {
      it(`${method}: restores into an empty ${target.kind} database, every table equal`, async () => {
        const file = join(scratch, `server-${index}-${target.kind}.backup`);
        const summary = await backUp(server, file, {
          databaseUrl: server.url ?? "",
          logical: method === "logical",
          ...(method === "logical (no pg_dump on PATH)" ? { pgDump: "paperpulse-no-such-pg-dump" } : {}),
        });
        expect(summary.format).toBe(method === "pg_dump" ? "pg_dump" : "logical");
        if (method.includes("PATH")) expect(summary.note).toMatch(/not on PATH: took the logical dump/);
        const options = await target.options();
        await restoreBackup(file, { target: options });
        await withDb(options, async (handle) => expectSame(await contentsOf(handle), expected));
      }, 120_000);
    }
  }

  it("refuses a logical dump or pg_dump archive cut short", async () => {
    for (const logical of [true, false]) {
      const file = join(scratch, `whole-${logical}.backup`);
      await backUp(server, file, { databaseUrl: server.url ?? "", logical });
      const bytes = readFileSync(file);
      const cut = join(scratch, `cut-${logical}.backup`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const error = await restoreBackup(cut, {
        target: { dataDir: newFolder(), databaseUrl: undefined },
      }).catch((e: unknown) => e);
      expect((error as BackupError).code).toBe("BACKUP_UNREADABLE");
      expect((error as Error).message).toMatch(/cut-(true|false)\.backup/);
    }
  }, 120_000);
});

/** One paper and one run: a database someone already uses. */
async function seedOther(db: Db): Promise<void> {
  const { id } = await startRun(db, { trigger: "cli", command: "other", plan: {} });
  await saveCapture(db, {
    runId: id,
    page: { url: "https://example.test/other", kind: "page" },
    capture: {
      capturedAt: new Date("2024-06-01T08:00:00Z"),
      listingDate: "2024-06-01",
      papers: [paper(99, "2024-06-01")],
    },
  });
  await finishRun(db, id, { status: "succeeded" });
}

describe("a backup from an older Paperpulse", () => {
  it("is restored at its own schema level, then migrated to this version's", async () => {
    // An embedded database left at migration 0011, before organisation names matched whatever their case.
    const options = { dataDir: newFolder(), databaseUrl: undefined };
    const old = await createDb({ ...options, migrate: false });
    const file = join(scratch, "old.tar.gz");
    try {
      await migrateUpTo(old, 11);
      for (const statement of [
        `insert into organizations (name, first_seen_at, last_seen_at) values
           ('Lab', '2024-01-01', '2024-03-01'), ('lab', '2024-02-01', '2024-04-01')`,
        `insert into papers (id, title, daily_date, daily_date_exact, organization_name, upvotes, comments,
           first_seen_at, last_seen_at) values
           ('2401.00001', 'Old one', '2024-01-02', true, 'Lab', 5, 0, '2024-01-02', '2024-01-02'),
           ('2402.00001', 'Old two', '2024-02-02', true, 'lab', 7, 1, '2024-02-02', '2024-02-02')`,
      ]) {
        await old.db.execute(sql.raw(statement));
      }
      expect((await backUp(old, file)).format).toBe("pglite");
    } finally {
      await old.close();
    }
    for (const target of targets) {
      const into = await target.options();
      const summary = await restoreBackup(file, { target: into });
      expect(summary.level).toBe(12);
      await withDb(into, async (handle) => {
        const organizations = await selectRows<{ name: string }>(
          handle.db,
          sql`select name from organizations`,
        );
        expect(organizations.map((o) => o.name)).toEqual(["Lab"]);
        const papers = await selectRows<{ id: string; org: string }>(
          handle.db,
          sql`select id, organization_name as org from papers order by id`,
        );
        expect(papers).toEqual([
          { id: "2401.00001", org: "Lab" },
          { id: "2402.00001", org: "Lab" },
        ]);
      });
    }
  }, 180_000);
});
