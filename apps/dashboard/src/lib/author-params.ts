import {
  type AuthorIdentity,
  type AuthorRef,
  type AuthorSort,
  authorSorts,
  toAuthorRef,
} from "@paperpulse/db";
import { z } from "zod";
import {
  type ParamIssue,
  parseFilters,
  readChoice,
  readInteger,
  readScalar,
  type SearchParamsInput,
  toSearchParams,
} from "./filters";
import { pathSegment } from "./format";
import { maxPage, type ViewParams } from "./view-params";

// The authors views' parameters and URLs. An author's page is /authors/u/USER for a Hugging Face account and
// /authors/n/NAME for an author listed without one: two prefixes, so that no name can pass for an account.

export const authorsPageSize = 50;
/** Papers listed on an author's page; their CSV holds them all. */
export const authorPapersShown = 100;
/** More papers than any author has: the CSV's bound. */
export const maxAuthorPapers = 100_000;
export const coauthorsShown = 8;
/** Longer than any name or Hugging Face user name in the listings. */
export const maxAuthorLength = 200;

const segmentKinds = { u: "user", n: "name" } as const satisfies Record<string, AuthorRef["kind"]>;

const authorValueSchema = z
  .string()
  .max(maxAuthorLength, `must be at most ${maxAuthorLength} characters`)
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

/** `sort` (papers or upvotes) and `page` beside the shared filters. */
export function parseAuthorsParams(input: SearchParamsInput): ViewParams<{ sort: AuthorSort; page: number }> {
  const params = toSearchParams(input);
  const { filters, issues } = parseFilters(params);
  const sort = readChoice(params, "sort", authorSorts, "papers", issues);
  const page = readInteger(params, "page", { min: 1, max: maxPage, fallback: 1 }, issues);
  return { filters, issues, sort, page };
}

/** The author of an author page's two path segments, or null when they cannot name one (then: not found). */
export function readAuthorSegments(kind: string, rawValue: string): AuthorRef | null {
  const refKind = Object.hasOwn(segmentKinds, kind) ? segmentKinds[kind as keyof typeof segmentKinds] : null;
  const value = decodeSegment(rawValue);
  if (!refKind || value === null || value.trim() === "") return null;
  return authorValueSchema.safeParse(value).success ? { kind: refKind, value } : null;
}

/**
 * The author of the papers export: `user=USER` or `name=NAME`, exactly one of them; else null and an issue (400).
 */
export function readAuthorParam(input: SearchParamsInput, issues: ParamIssue[]): AuthorRef | null {
  const params = toSearchParams(input);
  const user = readScalar(params, "user", authorValueSchema, issues);
  const name = readScalar(params, "name", authorValueSchema, issues);
  if (user !== undefined && name !== undefined) {
    issues.push({ param: "name", message: "must not be given with user: an author is one or the other" });
    return null;
  }
  if (user !== undefined) return { kind: "user", value: user };
  if (name !== undefined) return { kind: "name", value: name };
  if (!issues.some((issue) => issue.param === "user" || issue.param === "name"))
    issues.push({ param: "user", message: "is required (or name, for an author without an account)" });
  return null;
}

/** The author's page. */
export function authorPath(author: AuthorIdentity | AuthorRef): string {
  const ref = "value" in author ? author : toAuthorRef(author);
  return `/authors/${ref.kind === "user" ? "u" : "n"}/${pathSegment(ref.value)}`;
}

/** The parameter naming the author in the papers export. */
export function authorParam(ref: AuthorRef): Record<string, string> {
  return ref.kind === "user" ? { user: ref.value } : { name: ref.value };
}

/**
 * Page segments arrive percent-encoded (vercel/next.js#95343, as on the organisation page): decoded here, so that
 * names that links encode (spaces, accents) can be found; null when the encoding is broken.
 */
function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
