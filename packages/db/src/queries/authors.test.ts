import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import type { CapturedAuthor } from "../write/capture.ts";
import { getAuthor } from "./get-author.ts";
import { getAuthorActivity } from "./get-author-activity.ts";
import { listAuthorPapers } from "./list-author-papers.ts";
import { listAuthors } from "./list-authors.ts";
import { listCoauthors } from "./list-coauthors.ts";

// Five papers. Ada has an account, spelled `ada` and `ADA`, and signs once as "A. Lovelace"; on p4 she is listed
// without her account, so there she is another author (keyed on the name). Bob never has one and is spelled
// "Bob Stone" and "bob stone", and is listed twice on p5. Carol (`Carol9`) and Dan (`dan`) have accounts.
const labA = { name: "lab-a", fullname: null, avatar: null };
const labB = { name: "lab-b", fullname: null, avatar: null };
const ada: CapturedAuthor = { name: "Ada Lovelace", hfUser: "ada" };
const bob: CapturedAuthor = { name: "Bob Stone", hfUser: null };
const carol: CapturedAuthor = { name: "Carol", hfUser: "Carol9" };

const papers = [
  capturedPaper("2510.00001", 10, {
    dailyDate: "2025-10-01",
    organization: labA,
    authors: [ada, bob, carol],
  }),
  capturedPaper("2510.00002", 30, {
    dailyDate: "2025-10-02",
    organization: labB,
    authors: [bob, { name: "A. Lovelace", hfUser: "ADA" }],
  }),
  capturedPaper("2511.00003", 5, {
    dailyDate: "2025-11-05",
    organization: labA,
    title: "Quantum widgets",
    authors: [ada, { name: "bob stone", hfUser: null }],
  }),
  capturedPaper("2511.00004", 100, {
    dailyDate: "2025-11-06",
    topics: ["llm"],
    authors: [
      { name: "Ada Lovelace", hfUser: null },
      { name: "Dan", hfUser: "dan" },
    ],
  }),
  capturedPaper("2511.00005", 1, { dailyDate: "2025-11-07", organization: labB, authors: [bob, bob, carol] }),
];

describeEachDatabase("authors", (getDb) => {
  beforeAll(async () =>
    storeFresh(getDb(), [{ capturedAt: new Date("2025-11-08T00:00:00Z"), listingDate: null, papers }]),
  );

  const board = async (filters: Parameters<typeof listAuthors>[1], sort: "papers" | "upvotes" = "papers") =>
    (await listAuthors(getDb(), filters, { sort, page: 1, pageSize: 10 })).rows.map((row) => [
      row.name,
      row.hfUser,
      row.papers,
      row.upvotes,
    ]);

  it("ranks authors keyed on their account in any case, else on their name in any case, each paper once", async () => {
    const all = await listAuthors(getDb(), { orgs: [] }, { sort: "papers", page: 1, pageSize: 10 });
    expect(all.total).toBe(5);
    expect(all.rows.map((row) => [row.kind, row.name, row.hfUser, row.papers, row.upvotes])).toEqual([
      ["name", "Bob Stone", null, 4, 46],
      ["user", "Ada Lovelace", "ada", 3, 45],
      ["user", "Carol", "Carol9", 2, 11],
      // Tied on papers and upvotes: by key, `n:ada lovelace` before `u:dan`.
      ["name", "Ada Lovelace", null, 1, 100],
      ["user", "Dan", "dan", 1, 100],
    ]);
    const [first, second] = all.rows;
    // Most papers first; Bob's two organisations tie and go by name.
    expect(first).toMatchObject({
      organizations: ["lab-a", "lab-b"],
      organizationCount: 2,
      firstDay: "2025-10-01",
      lastDay: "2025-11-07",
    });
    expect(second).toMatchObject({
      organizations: ["lab-a", "lab-b"],
      firstDay: "2025-10-01",
      lastDay: "2025-11-05",
    });
    expect(all.rows[3]).toMatchObject({ organizations: [], organizationCount: 0 });
  });

  it("sorts by upvotes, and pages with the total on every page", async () => {
    expect((await board({ orgs: [] }, "upvotes")).map((row) => row[0])).toEqual([
      "Ada Lovelace",
      "Dan",
      "Bob Stone",
      "Ada Lovelace",
      "Carol",
    ]);
    const second = await listAuthors(getDb(), { orgs: [] }, { sort: "papers", page: 2, pageSize: 2 });
    expect(second.rows.map((row) => row.name)).toEqual(["Carol", "Ada Lovelace"]);
    expect(second.total).toBe(5);
    const past = await listAuthors(getDb(), { orgs: [] }, { sort: "papers", page: 4, pageSize: 2 });
    expect(past).toMatchObject({ rows: [], total: 5, page: 4 });
  });

  it("counts only the papers matching the views' filters", async () => {
    expect(await board({ orgs: [], from: "2025-11-01" })).toEqual([
      ["Bob Stone", null, 2, 6],
      ["Ada Lovelace", null, 1, 100],
      ["Dan", "dan", 1, 100],
      ["Ada Lovelace", "ada", 1, 5],
      ["Carol", "Carol9", 1, 1],
    ]);
    // Tied on both: by key, `n:bob stone` before `u:ada`. Organisations are those of the matching papers.
    const lab = await listAuthors(getDb(), { orgs: ["lab-a"] }, { sort: "papers", page: 1, pageSize: 10 });
    expect(lab.rows.map((row) => [row.name, row.papers, row.upvotes, row.organizations])).toEqual([
      ["Bob Stone", 2, 15, ["lab-a"]],
      ["Ada Lovelace", 2, 15, ["lab-a"]],
      ["Carol", 1, 10, ["lab-a"]],
    ]);
    expect((await board({ orgs: [], q: "widget" })).map((row) => row[0])).toEqual([
      "Bob Stone",
      "Ada Lovelace",
    ]);
    expect(await board({ orgs: [], topics: ["llm"], minUpvotes: 50 })).toEqual([
      ["Ada Lovelace", null, 1, 100],
      ["Dan", "dan", 1, 100],
    ]);
    expect(
      await listAuthors(getDb(), { orgs: [], to: "2025-01-01" }, { sort: "papers", page: 1, pageSize: 10 }),
    ).toEqual({ rows: [], total: 0, page: 1, pageSize: 10 });
  });

  it("finds an author by account or name in any case, with their most used spelling, else null", async () => {
    expect(await getAuthor(getDb(), { kind: "user", value: "ADA" })).toEqual({
      kind: "user",
      key: "u:ada",
      name: "Ada Lovelace",
      hfUser: "ada",
      otherNames: ["A. Lovelace"],
      papers: 3,
      upvotes: 45,
      firstDay: "2025-10-01",
      lastDay: "2025-11-05",
    });
    expect(await getAuthor(getDb(), { kind: "name", value: "ada LOVELACE" })).toMatchObject({
      key: "n:ada lovelace",
      hfUser: null,
      papers: 1,
    });
    expect(await getAuthor(getDb(), { kind: "name", value: "BOB STONE" })).toMatchObject({
      name: "Bob Stone",
      otherNames: ["bob stone"],
      papers: 4,
    });
    // Carol is always listed with her account: no author is keyed on her name.
    expect(await getAuthor(getDb(), { kind: "name", value: "Carol" })).toBeNull();
    expect(await getAuthor(getDb(), { kind: "user", value: "nobody" })).toBeNull();
    expect(await getAuthor(getDb(), { kind: "user", value: "%" })).toBeNull();
  });

  it("lists an author's papers, months, organisations and co-authors, with the filters", async () => {
    const bobRef = { kind: "name", value: "Bob Stone" } as const;
    const papers = await listAuthorPapers(getDb(), bobRef, { orgs: [] }, { limit: 10 });
    expect(papers.map((paper) => [paper.id, paper.position, paper.upvotes, paper.organization])).toEqual([
      ["2511.00005", 1, 1, "lab-b"],
      ["2511.00003", 2, 5, "lab-a"],
      ["2510.00002", 1, 30, "lab-b"],
      ["2510.00001", 2, 10, "lab-a"],
    ]);
    expect((await listAuthorPapers(getDb(), bobRef, { orgs: [] }, { limit: 1 })).length).toBe(1);
    expect(await getAuthorActivity(getDb(), bobRef, { orgs: [] })).toEqual({
      papers: 4,
      upvotes: 46,
      months: [
        { month: "2025-10-01", papers: 2, upvotes: 40 },
        { month: "2025-11-01", papers: 2, upvotes: 6 },
      ],
      organizations: [
        { name: "lab-a", papers: 2 },
        { name: "lab-b", papers: 2 },
      ],
    });
    const coauthors = await listCoauthors(getDb(), bobRef, { orgs: [] }, { limit: 5 });
    expect(coauthors.map((c) => [c.kind, c.name, c.hfUser, c.papers])).toEqual([
      ["user", "Ada Lovelace", "ada", 3],
      ["user", "Carol", "Carol9", 2],
    ]);
    const late = { orgs: [], from: "2025-11-01" };
    expect((await listAuthorPapers(getDb(), bobRef, late, { limit: 10 })).map((p) => p.id)).toEqual([
      "2511.00005",
      "2511.00003",
    ]);
    expect(await getAuthorActivity(getDb(), bobRef, { ...late, orgs: ["lab-b"] })).toEqual({
      papers: 1,
      upvotes: 1,
      months: [{ month: "2025-11-01", papers: 1, upvotes: 1 }],
      organizations: [{ name: "lab-b", papers: 1 }],
    });
    expect((await listCoauthors(getDb(), bobRef, late, { limit: 5 })).map((c) => [c.name, c.papers])).toEqual(
      [
        ["Ada Lovelace", 1],
        ["Carol", 1],
      ],
    );
    // Nobody shares the unclaimed Ada's paper but Dan.
    const unclaimed = { kind: "name", value: "Ada Lovelace" } as const;
    expect((await listCoauthors(getDb(), unclaimed, { orgs: [] }, { limit: 5 })).map((c) => c.name)).toEqual([
      "Dan",
    ]);
  });
});
