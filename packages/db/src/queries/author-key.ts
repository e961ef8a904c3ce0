import { type SQL, sql } from "drizzle-orm";
import { textArray } from "../aggregates/scope.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";

/**
 * How URLs name an author: by Hugging Face account (`user`) when the listings name one, else by name (`name`), for
 * authors listed without an account (or who hid the paper from their profile). Either matches whatever its case.
 */
export type AuthorRef = { kind: "user" | "name"; value: string };

/** An author as views show one: the spelling of the name most used on their papers, and their account if any. */
export type AuthorIdentity = {
  kind: AuthorRef["kind"];
  name: string;
  /** The Hugging Face user name (its most used spelling); null for an author keyed on the name. */
  hfUser: string | null;
};

/** The stored key of an author (paper_authors.author_key), computed in the database exactly as the column is. */
export function authorKeySql(ref: AuthorRef): SQL {
  return sql`${ref.kind === "user" ? "u:" : "n:"} || lower(${ref.value})`;
}

/** The reference URLs use for an author shown by the views. */
export function toAuthorRef(author: AuthorIdentity): AuthorRef {
  return author.kind === "user" && author.hfUser !== null
    ? { kind: "user", value: author.hfUser }
    : { kind: "name", value: author.name };
}

/**
 * The paper ids of the authors with these keys among the papers matching the filters, one row per author and
 * paper: an author listed twice on a paper counts it once.
 */
export function authoredPapers(keys: SQL, filters: Filters): SQL {
  const where = papersWhere(filters);
  return sql`select distinct a.author_key, a.paper_id from paper_authors a
    ${where ? sql`join papers on papers.id = a.paper_id` : sql``}
    where a.author_key = any(${keys}) ${where ? sql`and ${where}` : sql``}`;
}

/** The keys as a text[] parameter. */
export function keysArray(keys: readonly string[]): SQL {
  return textArray(keys);
}

export type Spelling = AuthorIdentity & {
  /** Every other spelling of the name on their papers, most used first. */
  otherNames: string[];
};

/**
 * How each author is shown: the most used spelling of their name (and of their account) over all their papers,
 * whatever the filters, so an author reads the same on every view. Ties go to the spelling that sorts first.
 */
export async function getSpellings(db: Db, keys: readonly string[]): Promise<Map<string, Spelling>> {
  if (keys.length === 0) return new Map();
  const rows = await selectRows<{
    author_key: string;
    name: string;
    hf_user: string | null;
    n: number | string;
  }>(
    db,
    sql`select author_key, name, hf_user, count(*) as n from paper_authors
      where author_key = any(${keysArray(keys)}) group by author_key, name, hf_user`,
  );
  const byKey = new Map<string, { names: Map<string, number>; users: Map<string, number> }>();
  for (const row of rows) {
    const entry = byKey.get(row.author_key) ?? { names: new Map(), users: new Map() };
    byKey.set(row.author_key, entry);
    const n = Number(row.n);
    entry.names.set(row.name, (entry.names.get(row.name) ?? 0) + n);
    if (row.hf_user !== null) entry.users.set(row.hf_user, (entry.users.get(row.hf_user) ?? 0) + n);
  }
  const spellings = new Map<string, Spelling>();
  for (const [key, { names, users }] of byKey) {
    const [name = "", ...otherNames] = byUse(names);
    const kind = key.startsWith("u:") ? "user" : "name";
    spellings.set(key, {
      kind,
      name,
      hfUser: kind === "user" ? (byUse(users)[0] ?? null) : null,
      otherNames,
    });
  }
  return spellings;
}

/** Most used first; ties in code-point order, the same on both engines whatever their collation. */
function byUse(counts: Map<string, number>): string[] {
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).map(([value]) => value);
}
