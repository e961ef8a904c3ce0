import {
  type Capture,
  type CapturedPaper,
  type Db,
  finishRun,
  saveCapture,
  saveTopicCatalog,
  startRun,
} from "@paperpulse/db";
import { capturedPaper } from "@paperpulse/db/testing";

// Five papers over two captures, with titles and organisation names a spreadsheet would read as formulas.
// Every expected CSV cell below is written out by hand from these inputs.
export const captureA = new Date("2023-03-01T09:00:00.000Z");
export const captureB = new Date("2023-03-02T18:30:00.500Z");
export const A = "2023-03-01T09:00:00.000Z";
export const B = "2023-03-02T18:30:00.500Z";

const org = (name: string) => ({ name, fullname: `${name} Lab`, avatar: null });

function paper(fields: Partial<CapturedPaper> & Pick<CapturedPaper, "id" | "title">): CapturedPaper {
  return capturedPaper(fields.id, 0, { dailyDate: null, ...fields });
}

// Authors: Alice has an account, spelled `alice-ex` on two papers and `Alice-Ex` (as "A. Example") on one; Bob and
// "=Eve" are listed without one; Carl has one. By papers: Alice (3, 15 upvotes), Bob (3, 7), Carl (1, 10), Eve (1, 7).
const alice = { name: "Alice Example", hfUser: "alice-ex" };
const bob = { name: "Bob Example", hfUser: null };
const carl = { name: "Carl Example", hfUser: "carl" };

// Topics and keywords as the store receives them (already matched and normalised).
const p1 = {
  id: "2303.00100",
  title: '=HYPERLINK("http://evil.example")',
  dailyDate: "2023-02-27",
  topics: ["llm"],
  keywords: [],
  authors: [alice, carl],
};
const p2 = {
  id: "2303.00200",
  title: 'A title, with "quotes"\nand a line break',
  dailyDate: "2023-02-28",
  topics: ["llm", "video"],
  keywords: ["agents"],
  authors: [{ name: "A. Example", hfUser: "Alice-Ex" }, bob],
};
const p4 = {
  id: "2303.00300",
  title: "@at the start",
  dailyDate: "2023-03-01",
  topics: [],
  keywords: ["agents", "=sum"],
  authors: [alice, bob],
};
const p5 = {
  id: "2303.00400",
  title: "\tTab at the start",
  dailyDate: "2023-03-01",
  topics: [],
  keywords: ["agents"],
  authors: [bob],
};
// No daily date of its own: it takes the listing's date.
const p3 = {
  id: "2303.01000",
  title: "-minus at the start",
  dailyDate: null,
  topics: ["video"],
  keywords: [],
  authors: [{ name: "=Eve", hfUser: null }],
};

export const syntheticCaptures: Capture[] = [
  {
    capturedAt: captureA,
    listingDate: "2023-03-01",
    papers: [
      paper({ ...p1, organization: org("+org-plus"), upvotes: 3, comments: 0, rank: 1 }),
      paper({ ...p2, organization: org("acme"), upvotes: 5, comments: 1, rank: 2 }),
      paper({ ...p4, organization: org("acme"), upvotes: 1, comments: 0, rank: 3 }),
      paper({ ...p5, organization: org("acme"), upvotes: 2, comments: 3, rank: 4 }),
    ],
  },
  {
    capturedAt: captureB,
    listingDate: "2023-02-28",
    papers: [
      paper({ ...p1, organization: org("+org-plus"), upvotes: 10, comments: 2, rank: 1 }),
      paper({ ...p3, upvotes: 7, comments: 0, rank: 2 }),
      paper({ ...p2, organization: org("acme"), upvotes: 4, comments: 1, rank: 3 }),
      paper({ ...p5, organization: org("acme"), upvotes: 2, comments: 3, rank: 4 }),
    ],
  },
];

// The dashboard writes the reviewed taxonomy's catalogue when it starts; these two entries keep its order and labels.
export const syntheticTopics = [
  { slug: "llm", label: "Language models", description: "Large language models" },
  { slug: "video", label: "Video", description: "Video generation and understanding" },
];

/** Seeds the captures above in one succeeded run, and returns that run's id. */
export async function seedSynthetic(db: Db): Promise<number> {
  await saveTopicCatalog(db, syntheticTopics);
  const run = await startRun(db, { trigger: "manual", command: "dashboard export test", plan: {} });
  for (const [index, capture] of syntheticCaptures.entries()) {
    await saveCapture(db, {
      runId: run.id,
      page: { url: `https://huggingface.co/api/daily_papers?test=${index}`, kind: "api" },
      capture,
    });
  }
  await finishRun(db, run.id, { status: "succeeded" });
  return run.id;
}

/** A succeeded run that captured an empty listing (a valid page, no papers) at `capturedAt`. */
export async function seedEmptyCaptureAt(db: Db, capturedAt: Date): Promise<void> {
  const listingDate = capturedAt.toISOString().slice(0, 10);
  const run = await startRun(db, { trigger: "manual", command: `capture at ${listingDate}`, plan: {} });
  await saveCapture(db, {
    runId: run.id,
    page: { url: `https://huggingface.co/api/daily_papers?date=${listingDate}`, kind: "api" },
    capture: { capturedAt, listingDate, papers: [] },
  });
  await finishRun(db, run.id, { status: "succeeded" });
}

export const papersHeader = [
  "id",
  "title",
  "daily_date",
  "organization",
  "upvotes",
  "comments",
  "first_seen_at",
  "last_seen_at",
  "authors",
  "author_users",
  "keywords",
  "topics",
  "organization_group",
  "github_repo",
  "github_stars",
  "rank",
  "daily_date_exact",
];

/**
 * The full export, in its order: daily date, then id. After the first eight columns: authors and their accounts in
 * listing order (empty for an author without one), keywords, topics in the catalogue's order, the group (none of
 * these names is in one), GitHub (none), the rank of the latest snapshot and whether the daily date is the paper's
 * own. 2303.00400 repeated its counts at capture B, so its latest snapshot is A's (rank 4); 2303.01000 has no daily
 * date of its own and takes capture B's listing date.
 */
export const expectedPaperRows: Record<string, string[]> = {
  "2303.00100": [
    ...["2303.00100", `'${p1.title}`, "2023-02-27", "'+org-plus", "10", "2", A, B],
    ...["Alice Example; Carl Example", "alice-ex; carl", "", "llm", "", "", "", "1", "true"],
  ],
  "2303.00200": [
    ...["2303.00200", p2.title, "2023-02-28", "acme", "4", "1", A, B],
    ...["A. Example; Bob Example", "Alice-Ex; ", "agents", "llm; video", "", "", "", "3", "true"],
  ],
  "2303.01000": [
    ...["2303.01000", `'${p3.title}`, "2023-02-28", "", "7", "0", B, B],
    ...["'=Eve", "", "", "video", "", "", "", "2", "false"],
  ],
  "2303.00300": [
    ...["2303.00300", `'${p4.title}`, "2023-03-01", "acme", "1", "0", A, A],
    ...["Alice Example; Bob Example", "alice-ex; ", "agents; =sum", "", "", "", "", "3", "true"],
  ],
  "2303.00400": [
    ...["2303.00400", `'${p5.title}`, "2023-03-01", "acme", "2", "3", A, B],
    ...["Bob Example", "", "agents", "", "", "", "", "4", "true"],
  ],
};

export function rowsFor(...ids: string[]): string[][] {
  return ids.map((id) => {
    const row = expectedPaperRows[id];
    if (!row) throw new Error(`no expected row for ${id}`);
    return row;
  });
}

/**
 * A succeeded run that captured the trending listing at `capturedAt`: the papers of capture B with these ids, in
 * this order, their counts unchanged (so no snapshot is added).
 */
export async function seedTrendingAt(db: Db, capturedAt: Date, ids: string[]): Promise<void> {
  const latest = syntheticCaptures[1]?.papers ?? [];
  const papers = ids.flatMap((id, i) => {
    const paper = latest.find((p) => p.id === id);
    return paper ? [{ ...paper, rank: i + 1 }] : [];
  });
  const run = await startRun(db, { trigger: "manual", command: "trending", plan: {} });
  await saveCapture(db, {
    runId: run.id,
    page: { url: "https://huggingface.co/api/daily_papers?sort=trending&p=0&limit=100", kind: "api" },
    capture: { capturedAt, listingDate: null, trending: true, papers },
  });
  await finishRun(db, run.id, { status: "succeeded" });
}
