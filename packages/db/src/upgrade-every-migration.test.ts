import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { describeOnServer, migrateUpTo } from "../testing/index.ts";
import { ensureAggregates } from "./aggregates/index.ts";
import { createDb, type DbHandle } from "./create-db.ts";
import { findMigrationsFolder } from "./migrations-folder.ts";
import {
  getFreshness,
  getOverviewStats,
  getPaperDetail,
  getUpvoteSeries,
  listAuthors,
  listOrgGroups,
  listOrgLeaderboard,
  listPapers,
} from "./queries/index.ts";
import { selectRows } from "./rows.ts";
import { getTopicShares, listTopics } from "./topics/index.ts";
import type { Db } from "./types.ts";
import { listRunPages, listRuns } from "./write/runs.ts";

// A database left by every earlier version: built at each committed migration but the newest, filled with SQL
// shaped for the schema of that migration, then opened by this version, which migrates it to the newest. Rows are
// kept and every view loads, on PGlite and Postgres. A new migration is covered by this test as soon as it exists.

type Journal = { entries: { idx: number; tag: string }[] };

const journal = JSON.parse(
  readFileSync(join(findMigrationsFolder(), "meta", "_journal.json"), "utf8"),
) as Journal;
const earlier = journal.entries.slice(0, -1);

const days = ["2025-03-03", "2025-03-04", "2025-03-10"];
const papers = Array.from({ length: 6 }, (_, i) => ({
  id: `2503.${String(20001 + i)}`,
  title: `Upgraded paper ${i + 1}`,
  summary: `An abstract about ${i % 2 === 0 ? "retrieval" : "robots"} number ${i + 1}`,
  day: days[i % days.length] ?? "2025-03-03",
  // The third paper is filed under another spelling of lab-a.
  org: i === 5 ? null : i === 2 ? "LAB-A" : i % 2 === 0 ? "lab-a" : "lab-b",
  upvotes: 3 + i * 5,
  topic: i % 2 === 0 ? "llm" : "robotics",
}));

async function has(db: Db, table: string, column?: string): Promise<boolean> {
  const rows = await selectRows<{ one: number }>(
    db,
    column
      ? sql`select 1 as one from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_name = ${column}`
      : sql`select 1 as one from information_schema.tables where table_schema = 'public' and table_name = ${table}`,
  );
  return rows.length > 0;
}

async function hasIndex(db: Db, name: string): Promise<boolean> {
  const rows = await selectRows<{ one: number }>(
    db,
    sql`select 1 as one from pg_indexes where schemaname = 'public' and indexname = ${name}`,
  );
  return rows.length > 0;
}

/** What a version at this schema held: a run, its page, organisations, papers, texts, snapshots, authors, topics. */
async function fill(db: Db): Promise<void> {
  // Versions before names matched whatever their case could hold `lab-a` and `LAB-A` as two organisations.
  const caseSplit = !(await hasIndex(db, "organizations_name_lower_idx"));
  await db.execute(sql`insert into organizations (name, fullname, first_seen_at, last_seen_at) values
    ('lab-a', 'Lab A', '2025-03-04', '2025-03-12'), ('lab-b', 'Lab B', '2025-03-04', '2025-03-12')`);
  if (caseSplit)
    await db.execute(sql`insert into organizations (name, fullname, first_seen_at, last_seen_at) values
      ('LAB-A', null, '2025-03-06', '2025-03-14')`);
  const orgOf = (p: (typeof papers)[number]) => (!caseSplit && p.org === "LAB-A" ? "lab-a" : p.org);
  await db.execute(sql`insert into scrape_runs (trigger, command, plan, status, finished_at)
    values ('cli', 'scrape 2025-03-10', '{}', 'succeeded', '2025-03-11T09:00:00Z')`);
  await db.execute(sql`insert into scrape_pages (run_id, url, kind, listing_date, captured_at, status_code, items)
    values (1, 'https://huggingface.co/papers/date/2025-03-10', 'page', '2025-03-10', '2025-03-11T09:00:00Z', 200, 6)`);
  // Versions with paper_texts wrote texts there (the columns on papers were left empty until dropped).
  const textsOnPapers = !(await has(db, "paper_texts"));
  for (const p of papers) {
    if (textsOnPapers) {
      await db.execute(sql`insert into papers (id, title, summary, ai_summary, ai_keywords, daily_date,
          daily_date_exact, organization_name, upvotes, comments, first_seen_at, last_seen_at)
        values (${p.id}, ${p.title}, ${p.summary}, ${`AI ${p.id}`}, ${JSON.stringify(["kw"])}::jsonb, ${p.day}, true,
          ${orgOf(p)}, ${p.upvotes}, 1, '2025-03-04T10:00:00Z', '2025-03-11T09:00:00Z')`);
    } else {
      await db.execute(sql`insert into papers (id, title, daily_date, daily_date_exact, organization_name, upvotes,
          comments, first_seen_at, last_seen_at)
        values (${p.id}, ${p.title}, ${p.day}, true, ${orgOf(p)}, ${p.upvotes}, 1, '2025-03-04T10:00:00Z',
          '2025-03-11T09:00:00Z')`);
      await db.execute(sql`insert into paper_texts (paper_id, summary, ai_summary, ai_keywords)
        values (${p.id}, ${p.summary}, ${`AI ${p.id}`}, ${JSON.stringify(["kw"])}::jsonb)`);
    }
    await db.execute(sql`insert into paper_snapshots (paper_id, captured_at, upvotes, comments, run_id, page_id)
      values (${p.id}, '2025-03-04T10:00:00Z', 1, 0, 1, 1), (${p.id}, '2025-03-11T09:00:00Z', ${p.upvotes}, 1, 1, 1)`);
    await db.execute(sql`insert into paper_authors (paper_id, position, name, hf_user)
      values (${p.id}, 0, 'Ada Example', null)`);
    if (await has(db, "paper_topics"))
      await db.execute(sql`insert into paper_topics (paper_id, topic) values (${p.id}, ${p.topic})`);
  }
  // The precomputed tables of versions that had them, as left by rows written past them: rebuilt on open.
  if (await has(db, "data_state")) {
    await db.execute(sql`insert into data_state (id, version, changed_at, aggregates_version) values (1, 1, now(), 0)
      on conflict (id) do update set aggregates_version = 0`);
  }
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from ${sql.identifier(table)}`,
  );
  return Number(row?.n);
}

/** Every row kept, every view loading with the numbers the rows imply. */
async function expectUpgraded(db: Db, from: string): Promise<void> {
  expect(await count(db, "papers"), from).toBe(papers.length);
  expect(await count(db, "paper_snapshots"), from).toBe(papers.length * 2);
  expect(await count(db, "paper_authors"), from).toBe(papers.length);
  expect(await count(db, "paper_texts"), from).toBe(papers.length);
  const orgs = await selectRows<{ name: string }>(db, sql`select name from organizations order by name`);
  expect(
    orgs.map((o) => o.name),
    from,
  ).toEqual(["lab-a", "lab-b"]);

  const stats = await getOverviewStats(db, { orgs: [] });
  expect(stats, from).toMatchObject({
    papers: papers.length,
    organizations: 2,
    firstDay: days[0],
    lastDay: days[2],
  });
  const series = await getUpvoteSeries(db, { orgs: [] }, "day");
  expect(
    series.map((d) => [d.date, d.papers, d.upvotes]),
    from,
  ).toEqual(
    days.map((day) => {
      const of = papers.filter((p) => p.day === day);
      return [day, of.length, of.reduce((sum, p) => sum + p.upvotes, 0)];
    }),
  );
  const board = await listOrgLeaderboard(db, { orgs: [] }, { limit: 10 });
  expect(
    board.map((row) => [row.name, row.papers]),
    from,
  ).toEqual([
    ["lab-a", 3],
    ["lab-b", 2],
  ]);
  // Author rows of every version get their key.
  const authors = await listAuthors(db, { orgs: [] }, { sort: "papers", page: 1, pageSize: 10 });
  expect(
    authors.rows.map((row) => [row.name, row.papers]),
    from,
  ).toEqual([["Ada Example", papers.length]]);
  const found = await listPapers(
    db,
    { orgs: [], q: "ROBOTS" },
    { sort: { key: "date", dir: "asc" }, page: 1, pageSize: 10 },
  );
  expect(found.rows.map((row) => row.id).sort(), from).toEqual(
    papers.filter((p) => p.summary.includes("robots")).map((p) => p.id),
  );
  const detail = await getPaperDetail(db, "2503.20001");
  expect(detail, from).toMatchObject({ id: "2503.20001", summary: papers[0]?.summary });
  const topics = await listTopics(db);
  const shares = await getTopicShares(db, { orgs: [] });
  const hadTopics = from >= "0002";
  if (hadTopics) {
    expect(topics.find((t) => t.slug === "robotics")?.papers, from).toBe(3);
    expect(shares.rows.length, from).toBeGreaterThan(0);
  }
  // The default organisation groups arrive with the upgrade; papers keep their organisation.
  const groups = await listOrgGroups(db);
  expect(
    groups.find((g) => g.name === "ByteDance")?.members.map((m) => m.name),
    from,
  ).toContain("ByteDance-Seed");
  const [run] = await listRuns(db, 5);
  expect(run, from).toMatchObject({ command: "scrape 2025-03-10", status: "succeeded" });
  expect(await listRunPages(db, run?.id ?? 0), from).toHaveLength(1);
  expect((await getFreshness(db)).lastSuccessAt?.toISOString(), from).toBe("2025-03-11T09:00:00.000Z");
}

function describeEveryUpgrade(
  kind: "pglite" | "postgres",
  open: (name: string, migrate: boolean) => Promise<DbHandle>,
  drop: (name: string) => Promise<void>,
) {
  describe(`an upgrade from every earlier migration [${kind}]`, () => {
    const opened: string[] = [];
    afterAll(async () => {
      for (const name of opened) await drop(name);
    });

    for (const entry of earlier) {
      it(`keeps the data and loads every view, from ${entry.tag}`, async () => {
        const name = `upgrade_${entry.idx}_${process.pid}`;
        opened.push(name);
        const old = await open(name, false);
        try {
          await migrateUpTo(old, entry.idx);
          await fill(old.db);
        } finally {
          await old.close();
        }
        const upgraded = await open(name, true);
        try {
          await expectUpgraded(upgraded.db, entry.tag);
        } finally {
          await upgraded.close();
        }
      }, 60_000);
    }
  });
}

// PGlite in memory, one instance per starting point, migrated further as createDb does (opening a folder left by an
// older version is covered by migrate-existing-data.test.ts): a folder each would cost seconds per migration.
const instances = new Map<string, PGlite>();
describeEveryUpgrade(
  "pglite",
  async (name, migrate) => {
    let client = instances.get(name);
    if (!client) {
      client = new PGlite({ extensions: { pg_trgm } });
      instances.set(name, client);
    }
    const db = drizzlePglite(client);
    if (migrate) {
      await migratePglite(db, { migrationsFolder: findMigrationsFolder() });
      await ensureAggregates(db as unknown as Db);
    }
    const open = client;
    return {
      db: db as unknown as Db,
      kind: "pglite",
      location: "memory",
      close: async () => {
        if (migrate) await open.close();
      },
    };
  },
  async (name) => {
    instances.delete(name);
  },
);

const serverUrl = process.env.TEST_DATABASE_URL;
describeOnServer("upgrades [postgres]", () => {
  const admin = () => postgres(serverUrl ?? "", { max: 1, onnotice: () => {} });
  const urlOf = (name: string) => {
    const url = new URL(serverUrl ?? "postgres://localhost/none");
    url.pathname = `/${name}`;
    return url.toString();
  };
  describeEveryUpgrade(
    "postgres",
    async (name, migrate) => {
      if (!migrate) {
        const sqlAdmin = admin();
        await sqlAdmin.unsafe(`create database ${name}`);
        await sqlAdmin.end({ timeout: 5 });
      }
      return createDb({ databaseUrl: urlOf(name), migrate });
    },
    async (name) => {
      const sqlAdmin = admin();
      await sqlAdmin.unsafe(`drop database if exists ${name} with (force)`);
      await sqlAdmin.end({ timeout: 5 });
    },
  );
});
