import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const runTriggers = ["schedule", "manual", "cli", "import"] as const;
export type RunTrigger = (typeof runTriggers)[number];
export const runStatuses = ["queued", "running", "succeeded", "partial", "failed", "abandoned"] as const;
export type RunStatus = (typeof runStatuses)[number];

export const organizations = pgTable(
  "organizations",
  {
    name: text("name").primaryKey(),
    fullname: text("fullname"),
    avatar: text("avatar"),
    firstSeenAt: timestamptz("first_seen_at").notNull(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
  },
  // Hugging Face's spelling is kept, but names match whatever their case: `Meta` and `meta` are one organisation.
  (t) => [uniqueIndex("organizations_name_lower_idx").on(sql`lower(${t.name})`)],
);

/**
 * One company under the several names Hugging Face files its papers under (`ByteDance` and `ByteDance-Seed`), so
 * views can count them together. Papers keep Hugging Face's name: a group only maps names when read. Group names
 * match whatever their case, as organisation names do. A new database starts with a default list (README).
 */
export const orgGroups = pgTable(
  "org_groups",
  {
    name: text("name").primaryKey(),
  },
  (t) => [uniqueIndex("org_groups_name_lower_idx").on(sql`lower(${t.name})`)],
);

/**
 * The organisation names of each group. No foreign key to organizations: a group may name an organisation before
 * its first paper is stored. A name, in any case, belongs to one group at most.
 */
export const orgGroupMembers = pgTable(
  "org_group_members",
  {
    orgName: text("org_name").primaryKey(),
    groupName: text("group_name")
      .notNull()
      .references(() => orgGroups.name, { onDelete: "cascade", onUpdate: "cascade" }),
  },
  // Views map each paper's organisation to its group through this index: one probe per name.
  (t) => [
    uniqueIndex("org_group_members_org_lower_idx").on(sql`lower(${t.orgName})`),
    index("org_group_members_group_idx").on(t.groupName),
  ],
);

export const papers = pgTable(
  "papers",
  {
    // arXiv-style ids such as 2407.21783 stay text: as numbers they lose trailing zeros.
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    publishedAt: timestamptz("published_at"),
    dailyDate: date("daily_date", { mode: "string" }).notNull(),
    // True when daily_date came from submittedOnDailyAt, false when it was taken from the listing's date.
    dailyDateExact: boolean("daily_date_exact").notNull(),
    organizationName: text("organization_name").references(() => organizations.name),
    submittedBy: text("submitted_by"),
    githubRepo: text("github_repo"),
    githubStars: integer("github_stars"),
    projectPage: text("project_page"),
    upvotes: integer("upvotes").notNull(),
    comments: integer("comments").notNull(),
    firstSeenAt: timestamptz("first_seen_at").notNull(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
    /**
     * Place among the papers of its daily date by latest upvotes (ties by id), 1 first. Every store sets it for
     * the days it touched, so leaderboards read it instead of ranking every day's papers per request.
     */
    dayRank: integer("day_rank"),
    /**
     * The latest capture that saw the values of the paper's latest snapshot. Snapshots keep changes only: a capture
     * equal to the latest snapshot moves this instead of adding a row. Null on papers stored before change-only
     * snapshots (their last snapshot is their last capture) until `pnpm scrape compact` sets it.
     */
    confirmedAt: timestamptz("confirmed_at"),
  },
  (t) => [
    // (daily date, id) is the order of exports and date listings, and serves every date-range filter.
    index("papers_daily_date_id_idx").on(t.dailyDate, t.id),
    index("papers_organization_idx").on(t.organizationName, t.dailyDate),
    // The default listing (most upvoted first) and the top papers, read in index order, deep pages included.
    index("papers_upvotes_id_idx").on(t.upvotes.desc().nullsFirst(), t.id),
    // Substring search (ILIKE '%…%') through trigrams: the same matches as a scan, without reading every title.
    index("papers_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
  ],
);

/**
 * The long texts of a paper, apart from the row every listing and aggregate reads: abstracts are most of a paper's
 * bytes, and the hourly refresh rewrites the papers row of every recent paper, while texts are rewritten only when
 * they change (which also spares their trigram index). They merge like the papers' other fields, on the papers'
 * last_seen_at. No foreign key, as for paper_topics: rows are only written joined to their paper, inside the page
 * transaction.
 */
export const paperTexts = pgTable(
  "paper_texts",
  {
    paperId: text("paper_id").primaryKey(),
    summary: text("summary"),
    aiSummary: text("ai_summary"),
    aiKeywords: jsonb("ai_keywords").$type<string[]>(),
  },
  (t) => [index("paper_texts_summary_trgm_idx").using("gin", t.summary.op("gin_trgm_ops"))],
);

export const paperAuthors = pgTable(
  "paper_authors",
  {
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    hfUser: text("hf_user"),
    /**
     * Who the author is, for author pages and the leaderboard: their Hugging Face account when the listing names
     * one (`u:` and the user name), else their name (`n:`), both lower-cased, since Hugging Face lists one account
     * as `Morson` and `morson`. Stored, so that the leaderboard groups on one column rather than computing the key
     * for each of the hundreds of thousands of author rows on every request.
     */
    authorKey: text("author_key")
      .notNull()
      .generatedAlwaysAs(
        sql`case when hf_user is null then 'n:' || lower(name) else 'u:' || lower(hf_user) end`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.paperId, t.position] }),
    // An author's papers: their page, co-authors, and the names and organisations of a leaderboard page's authors.
    index("paper_authors_author_key_idx").on(t.authorKey, t.paperId),
  ],
);

export const scrapeRuns = pgTable(
  "scrape_runs",
  {
    id: serial("id").primaryKey(),
    trigger: text("trigger", { enum: runTriggers }).notNull(),
    command: text("command").notNull(),
    plan: jsonb("plan").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: runStatuses }).notNull(),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
    heartbeatAt: timestamptz("heartbeat_at").notNull().defaultNow(),
    pid: integer("pid"),
    host: text("host"),
    pagesTotal: integer("pages_total").notNull().default(0),
    pagesFailed: integer("pages_failed").notNull().default(0),
    items: integer("items").notNull().default(0),
    newPapers: integer("new_papers").notNull().default(0),
    snapshots: integer("snapshots").notNull().default(0),
    /** HTTP requests the run sent, retries included: other processes count them against the shared rate budget. */
    requests: integer("requests").notNull().default(0),
    errorCode: text("error_code"),
    error: text("error"),
  },
  (t) => [
    index("scrape_runs_status_idx").on(t.status, t.startedAt),
    // At most one run executes at a time, across processes and machines: the database refuses a second one.
    uniqueIndex("scrape_runs_one_running_idx").on(t.status).where(sql`status = 'running'`),
  ],
);

export const scrapePages = pgTable(
  "scrape_pages",
  {
    id: serial("id").primaryKey(),
    runId: integer("run_id")
      .notNull()
      .references(() => scrapeRuns.id),
    url: text("url").notNull(),
    kind: text("kind", { enum: ["page", "api", "file"] }).notNull(),
    listingDate: date("listing_date", { mode: "string" }),
    /**
     * The last day a week or month listing covered (its first is listing_date), up to the day it was captured: the
     * page counts towards every day in between. Null for a one-day listing.
     */
    listingEnd: date("listing_end", { mode: "string" }),
    capturedAt: timestamptz("captured_at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms"),
    bytes: integer("bytes"),
    items: integer("items").notNull().default(0),
    newPapers: integer("new_papers").notNull().default(0),
    snapshots: integer("snapshots").notNull().default(0),
    errorCode: text("error_code"),
    error: text("error"),
    contentHash: text("content_hash"),
    rendered: boolean("rendered").notNull().default(false),
  },
  (t) => [
    index("scrape_pages_run_idx").on(t.runId),
    // The freshness banner on every page asks for the newest good capture: one index step, not a scan of years.
    index("scrape_pages_ok_captured_idx").on(t.capturedAt).where(sql`error_code is null`),
    // Which pages covered a day (backfill, gaps): a range of listing dates, up to a month before the day.
    index("scrape_pages_listing_idx").on(t.listingDate),
  ],
);

export const paperSnapshots = pgTable(
  "paper_snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    capturedAt: timestamptz("captured_at").notNull(),
    upvotes: integer("upvotes").notNull(),
    comments: integer("comments").notNull(),
    githubStars: integer("github_stars"),
    rank: integer("rank"),
    runId: integer("run_id").references(() => scrapeRuns.id),
    pageId: integer("page_id").references(() => scrapePages.id),
  },
  // One capture never writes two snapshots for one paper: re-importing the same capture is a no-op.
  (t) => [uniqueIndex("paper_snapshots_paper_captured_idx").on(t.paperId, t.capturedAt)],
);

/**
 * The order of each captured trending listing: unlike a day's listing it has no date to find its papers by, and
 * change-only snapshots do not record which papers a capture saw. One row per paper and trending capture (about 50).
 */
export const trendingEntries = pgTable(
  "trending_entries",
  {
    pageId: integer("page_id")
      .notNull()
      .references(() => scrapePages.id, { onDelete: "cascade" }),
    /** 1-based place in the listing. */
    position: integer("position").notNull(),
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.position] })],
);

/**
 * The broad topics of the taxonomy (apps/scraper/src/topics/taxonomy.ts), copied here so the dashboard can label
 * them; `pnpm scrape retopic` and every run keep it in step with the taxonomy.
 */
export const topics = pgTable("topics", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
  description: text("description").notNull(),
  /** Order of the taxonomy, for stable listings. */
  position: integer("position").notNull(),
});

/**
 * A paper's broad topics, computed from its title, abstract and keywords when it is stored (and by retopic). Rows,
 * not an array, so that filters and per-topic shares join on them. No foreign keys: rows are only ever written
 * joined to their paper, inside the page transaction, and a foreign-key check per row (a lock on the paper) cost
 * as much as the insert itself on the archive import.
 */
export const paperTopics = pgTable(
  "paper_topics",
  {
    paperId: text("paper_id").notNull(),
    topic: text("topic").notNull(),
  },
  // The key serves per-paper rewrites and topic filters; the topic index serves "papers of a topic".
  (t) => [
    primaryKey({ columns: [t.paperId, t.topic] }),
    index("paper_topics_topic_idx").on(t.topic, t.paperId),
  ],
);

/**
 * A paper's fine-grained keywords: its `ai_keywords` normalised (case, plurals, hyphens, synonyms), one row per
 * paper. An array rather than a row per keyword: keywords are only ever aggregated (unnested by period), never
 * filtered on, and the archive holds seven per paper, whose rows made the import a third slower.
 */
export const paperKeywords = pgTable("paper_keywords", {
  paperId: text("paper_id").primaryKey(),
  keywords: text("keywords").array().notNull(),
});

/**
 * Per daily date, over all its papers (latest upvotes): kept by every store for the days it touched, in the page's
 * transaction, so unfiltered views and date ranges read one row a day instead of aggregating every paper.
 */
export const dailyStats = pgTable("daily_stats", {
  dailyDate: date("daily_date", { mode: "string" }).primaryKey(),
  papers: integer("papers").notNull(),
  upvotes: bigint("upvotes", { mode: "number" }).notNull(),
  /** Continuous median and 90th percentile of the papers' upvotes, as percentile_cont computes them. */
  median: doublePrecision("median").notNull(),
  p90: doublePrecision("p90").notNull(),
  /** Papers that name an organisation. */
  orgPapers: integer("org_papers").notNull(),
  /** The newest capture of any of the day's papers. */
  lastSeenAt: timestamptz("last_seen_at").notNull(),
});

export const statPeriods = ["week", "month"] as const;

/** The same figures per ISO week and calendar month: medians do not add up from days, so periods keep their own. */
export const periodStats = pgTable(
  "period_stats",
  {
    granularity: text("granularity", { enum: statPeriods }).notNull(),
    /** First day of the week (Monday) or month. */
    periodStart: date("period_start", { mode: "string" }).notNull(),
    papers: integer("papers").notNull(),
    upvotes: bigint("upvotes", { mode: "number" }).notNull(),
    median: doublePrecision("median").notNull(),
    p90: doublePrecision("p90").notNull(),
    orgPapers: integer("org_papers").notNull(),
  },
  (t) => [primaryKey({ columns: [t.granularity, t.periodStart] })],
);

/** Papers per daily date and topic: topic shares and counts of any date range add these up. */
export const topicDayStats = pgTable(
  "topic_day_stats",
  {
    dailyDate: date("daily_date", { mode: "string" }).notNull(),
    topic: text("topic").notNull(),
    papers: integer("papers").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dailyDate, t.topic] })],
);

/** Each organisation over all time, as the unfiltered leaderboard and the filter panel show it. */
export const orgStats = pgTable("org_stats", {
  name: text("name").primaryKey(),
  papers: integer("papers").notNull(),
  upvotes: bigint("upvotes", { mode: "number" }).notNull(),
  median: doublePrecision("median").notNull(),
  /** Its papers in the top 10 of their day, and the top-10 places of the days it published on. */
  top10Papers: integer("top10_papers").notNull(),
  top10Slots: integer("top10_slots").notNull(),
  firstDay: date("first_day", { mode: "string" }).notNull(),
  lastDay: date("last_day", { mode: "string" }).notNull(),
});

/**
 * One row: a number every write that changes what the views show increases, in its own transaction. Caches in
 * dashboard processes (facets) are keyed on it, so every process sees a change as soon as it commits.
 */
export const dataState = pgTable("data_state", {
  id: integer("id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
  changedAt: timestamptz("changed_at").notNull(),
  /**
   * Which definition of the precomputed tables (day ranks, daily, period, topic and organisation stats) they hold:
   * opening a database whose number is older than the code's rebuilds them from the papers.
   */
  aggregatesVersion: integer("aggregates_version").notNull(),
  /**
   * Papers rows written since the embedded database was last vacuumed and analysed: PGlite has no autovacuum, so
   * the application does it when this passes a share of the table (as autovacuum's threshold would).
   */
  writtenSinceTidy: bigint("written_since_tidy", { mode: "number" }).notNull().default(0),
  /**
   * Where an interrupted `pnpm scrape compact` stopped: the last paper id whose repeated snapshots it removed (null
   * when no compaction is under way). The next one resumes after it.
   */
  compactedThrough: text("compacted_through"),
});
