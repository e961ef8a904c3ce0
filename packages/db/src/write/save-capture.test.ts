import {
  organizations,
  paperAuthors,
  paperSnapshots,
  papers,
  paperTexts,
  scrapeRuns,
} from "@paperpulse/schema";
import { asc, sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { capturedPaper, describeEachDatabase } from "../../testing/index.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import type { Capture, CapturedPaper } from "./capture.ts";
import { finishRun, getRun, startRun } from "./runs.ts";
import { saveCapture } from "./save-capture.ts";

function paper(id: string, overrides: Partial<CapturedPaper> = {}): CapturedPaper {
  return capturedPaper(id, 1, {
    summary: `Abstract of ${id}`,
    publishedAt: new Date("2025-10-01T00:00:00Z"),
    organization: { name: "acme-lab", fullname: "Acme Lab", avatar: null },
    submittedBy: "someone",
    aiKeywords: ["synthetic keyword"],
    authors: [
      { name: "Ada Example", hfUser: "ada" },
      { name: "Bo Sample", hfUser: null },
    ],
    authorCount: 2,
    ...overrides,
  });
}

const at = (iso: string) => new Date(iso);

async function store(db: Db, capture: Capture) {
  const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
  const result = await saveCapture(db, {
    runId: run.id,
    page: { url: "file:///synthetic.json", kind: "file" },
    capture,
  });
  await finishRun(db, run.id, { status: "succeeded" });
  return result;
}

async function dumpState(db: Db) {
  return {
    papers: await db.select().from(papers).orderBy(asc(papers.id)),
    organizations: await db.select().from(organizations).orderBy(asc(organizations.name)),
    authors: await db
      .select()
      .from(paperAuthors)
      .orderBy(asc(paperAuthors.paperId), asc(paperAuthors.position)),
    snapshots: (
      await db
        .select({
          paperId: paperSnapshots.paperId,
          capturedAt: paperSnapshots.capturedAt,
          upvotes: paperSnapshots.upvotes,
        })
        .from(paperSnapshots)
        .orderBy(asc(paperSnapshots.paperId), asc(paperSnapshots.capturedAt))
    ).map((s) => ({ ...s, capturedAt: s.capturedAt.toISOString() })),
  };
}

async function clear(db: Db) {
  await db.execute(
    sql`truncate paper_snapshots, paper_authors, paper_texts, papers, organizations, scrape_pages, scrape_runs,
      daily_stats, period_stats, topic_day_stats, org_stats cascade`,
  );
}

describeEachDatabase("saveCapture", (getDb) => {
  it("stores papers, organisations, authors and one snapshot per paper, and counts them on the run", async () => {
    const db = getDb();
    await clear(db);
    const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
    const result = await saveCapture(db, {
      runId: run.id,
      page: { url: "file:///a.json", kind: "file" },
      capture: {
        capturedAt: at("2025-10-02T08:00:00Z"),
        listingDate: "2025-10-02",
        papers: [paper("2510.00001"), paper("2510.00002", { organization: null, rank: 2 })],
      },
    });
    expect(result).toMatchObject({ items: 2, newPapers: 2, snapshots: 2 });
    const state = await dumpState(db);
    expect(state.papers.map((p) => [p.id, p.organizationName])).toEqual([
      ["2510.00001", "acme-lab"],
      ["2510.00002", null],
    ]);
    expect(state.organizations.map((o) => o.name)).toEqual(["acme-lab"]);
    expect(state.authors).toHaveLength(4);
    expect(await getRun(db, run.id)).toMatchObject({ pagesTotal: 1, items: 2, newPapers: 2, snapshots: 2 });
    await finishRun(db, run.id, { status: "succeeded" });
  });

  it("changes nothing when the same capture is stored twice", async () => {
    const db = getDb();
    await clear(db);
    const capture: Capture = {
      capturedAt: at("2025-10-02T08:00:00Z"),
      listingDate: "2025-10-02",
      papers: [paper("2510.00001", { upvotes: 5 }), paper("2510.00002", { rank: 2 })],
    };
    await store(db, capture);
    const before = await dumpState(db);
    const again = await store(db, capture);
    expect(again).toMatchObject({ newPapers: 0, snapshots: 0 });
    expect(await dumpState(db)).toEqual(before);
  });

  it("writes one snapshot for a paper repeated in a listing, keeping the first", async () => {
    const db = getDb();
    await clear(db);
    const result = await store(db, {
      capturedAt: at("2025-10-02T08:00:00Z"),
      listingDate: "2025-10-02",
      papers: [paper("2510.00001", { upvotes: 7 }), paper("2510.00001", { upvotes: 9, rank: 2 })],
    });
    expect(result).toMatchObject({ items: 1, snapshots: 1 });
    const [row] = await db.select().from(papers);
    expect(row?.upvotes).toBe(7);
  });

  it("keeps the newest values when an older capture arrives late, and the earliest listing date as a hint", async () => {
    const db = getDb();
    await clear(db);
    const undated = { dailyDate: null };
    await store(db, {
      capturedAt: at("2024-03-16T10:00:00Z"),
      listingDate: "2024-03-16",
      papers: [paper("2403.00001", { ...undated, upvotes: 20, comments: 3, summary: null })],
    });
    await store(db, {
      capturedAt: at("2024-03-15T10:00:00Z"),
      listingDate: "2024-03-15",
      papers: [paper("2403.00001", { ...undated, upvotes: 4, comments: 1, title: "Older title" })],
    });
    const [row] = await db.select().from(papers);
    expect(row).toMatchObject({
      upvotes: 20,
      comments: 3,
      title: "Synthetic paper 2403.00001",
      dailyDate: "2024-03-15",
      dailyDateExact: false,
    });
    // An older capture fills a gap the newer one left.
    const [text] = await db.select().from(paperTexts);
    expect(text).toMatchObject({ summary: "Abstract of 2403.00001" });
    expect(row?.firstSeenAt.toISOString()).toBe("2024-03-15T10:00:00.000Z");
    expect(row?.lastSeenAt.toISOString()).toBe("2024-03-16T10:00:00.000Z");
    expect(await db.select().from(paperSnapshots)).toHaveLength(2);
  });

  it("keeps one organisation whatever the case of its name, under the spelling stored first", async () => {
    const org = (name: string) => ({ name, fullname: null, avatar: null });
    await store(getDb(), {
      capturedAt: at("2025-10-03T10:00:00Z"),
      listingDate: "2025-10-02",
      papers: [paper("2510.70001", { organization: org("Case-Lab") })],
    });
    // Later captures spell it otherwise; two new spellings of another name arrive in one listing.
    await store(getDb(), {
      capturedAt: at("2025-10-04T10:00:00Z"),
      listingDate: "2025-10-02",
      papers: [
        paper("2510.70002", { organization: org("case-lab") }),
        paper("2510.70003", { organization: org("Twin-Lab") }),
        paper("2510.70004", { organization: org("TWIN-LAB") }),
      ],
    });
    const names = await selectRows<{ name: string }>(
      getDb(),
      sql`select name from organizations where lower(name) in ('case-lab', 'twin-lab') order by name`,
    );
    expect(names).toEqual([{ name: "Case-Lab" }, { name: "Twin-Lab" }]);
    const byPaper = await selectRows<{ id: string; organization_name: string }>(
      getDb(),
      sql`select id, organization_name from papers where id like '2510.7000%' order by id`,
    );
    expect(byPaper.map((row) => row.organization_name)).toEqual([
      "Case-Lab",
      "Case-Lab",
      "Twin-Lab",
      "Twin-Lab",
    ]);
    const stats = await selectRows<{ name: string; papers: number }>(
      getDb(),
      sql`select name, papers from org_stats where lower(name) = 'case-lab'`,
    );
    expect(stats).toEqual([{ name: "Case-Lab", papers: 2 }]);
  });

  it("splits the author rows of a paper with thousands of authors across statements", async () => {
    const db = getDb();
    await clear(db);
    const authors = Array.from({ length: 5_000 }, (_, i) => ({ name: `Author ${i}`, hfUser: null }));
    await store(db, {
      capturedAt: at("2025-10-02T08:00:00Z"),
      listingDate: "2025-10-02",
      papers: [paper("2510.00009", { authors, authorCount: authors.length })],
    });
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(paperAuthors);
    expect(count?.n).toBe(5_000);
  });

  it("ends with the same tables whatever order the captures arrive in (property)", async () => {
    const db = getDb();
    const captures: Capture[] = [0, 1, 2, 3].map((day) => ({
      capturedAt: new Date(Date.UTC(2025, 9, 2 + day, 8)),
      listingDate: null,
      papers: ["2510.00001", "2510.00002", "2510.00003"].slice(0, 1 + (day % 3)).map((id, rank) =>
        paper(id, {
          upvotes: 10 * day + rank,
          comments: day,
          githubStars: day === 2 ? null : day * 7,
          organization: day < 2 ? null : { name: `org-${day}`, fullname: null, avatar: null },
          authors: day === 1 ? null : [{ name: `Author v${day}`, hfUser: null }],
          rank: rank + 1,
        }),
      ),
    }));
    await clear(db);
    for (const capture of captures) await store(db, capture);
    const inTimeOrder = await dumpState(db);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(captures, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        async (order, twice) => {
          await clear(db);
          for (const capture of order) await store(db, capture);
          if (twice) for (const capture of order) await store(db, capture);
          expect(await dumpState(db)).toEqual(inTimeOrder);
        },
      ),
      { numRuns: 12 },
    );
    const runs = await db.select().from(scrapeRuns);
    expect(runs.length).toBeGreaterThan(0);
  });
});
