import { describe, expect, it } from "vitest";
import { authorPath, parseAuthorsParams, readAuthorParam, readAuthorSegments } from "./author-params";
import type { ParamIssue } from "./filters";

describe("author URLs", () => {
  it("names an author by account under /u and by name under /n, as one encoded segment", () => {
    expect(authorPath({ kind: "user", name: "Ada Lovelace", hfUser: "ada" })).toBe("/authors/u/ada");
    expect(authorPath({ kind: "name", name: "Bob Stone/Jr?", hfUser: null })).toBe(
      "/authors/n/Bob%20Stone%2FJr%3F",
    );
    expect(authorPath({ kind: "name", value: "=Eve" })).toBe("/authors/n/%3DEve");
  });

  it("reads the page's segments, decoded, and refuses what cannot name an author", () => {
    expect(readAuthorSegments("u", "ada")).toEqual({ kind: "user", value: "ada" });
    expect(readAuthorSegments("n", "Bob%20Stone%2FJr%3F")).toEqual({ kind: "name", value: "Bob Stone/Jr?" });
    for (const [kind, value] of [
      ["x", "ada"],
      ["toString", "ada"],
      ["u", "%E0%A4%A"],
      ["u", "%20"],
      ["n", "a%00b"],
      ["n", "x".repeat(201)],
    ]) {
      expect(readAuthorSegments(kind ?? "", value ?? ""), `${kind}/${value}`).toBeNull();
    }
  });

  it("takes exactly one of user and name for the papers export", () => {
    const read = (query: string) => {
      const issues: ParamIssue[] = [];
      return { ref: readAuthorParam(new URLSearchParams(query), issues), issues: issues.map((i) => i.param) };
    };
    expect(read("user=ada")).toEqual({ ref: { kind: "user", value: "ada" }, issues: [] });
    expect(read("name=Bob%20Stone")).toEqual({ ref: { kind: "name", value: "Bob Stone" }, issues: [] });
    expect(read("")).toEqual({ ref: null, issues: ["user"] });
    expect(read("user=ada&name=Bob")).toEqual({ ref: null, issues: ["name"] });
    expect(read("user=a&user=b")).toEqual({ ref: null, issues: ["user"] });
    expect(read(`name=${"x".repeat(201)}`)).toEqual({ ref: null, issues: ["name"] });
  });

  it("reads the leaderboard's sort and page beside the filters", () => {
    expect(parseAuthorsParams({ sort: "upvotes", page: "3", org: "acme" })).toMatchObject({
      sort: "upvotes",
      page: 3,
      filters: { orgs: ["acme"] },
      issues: [],
    });
    const bad = parseAuthorsParams({ sort: "name", page: "0" });
    expect(bad).toMatchObject({ sort: "papers", page: 1 });
    expect(bad.issues.map((issue) => issue.param)).toEqual(["sort", "page"]);
  });
});
