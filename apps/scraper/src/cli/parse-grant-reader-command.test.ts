import { describe, expect, it } from "vitest";
import { parseScraperEnv } from "../config/env.ts";
import { UsageError } from "../usage-error.ts";
import { parseCommand } from "./parse-command.ts";

const server = { DATABASE_URL: "postgres://owner@db.example:5432/paperpulse" };
const parse = (argv: string[], variables: Record<string, string | undefined> = server) =>
  parseCommand(argv, parseScraperEnv(variables), undefined, (name) => variables[name]).command;

describe("pnpm scrape grant-reader", () => {
  it("takes a ROLE and an optional variable holding its password", () => {
    expect(parse(["grant-reader", "notebook"])).toEqual({
      name: "grant-reader",
      role: "notebook",
      password: undefined,
      json: false,
    });
    expect(
      parse(["grant-reader", "nb_2", "--password-env", "NB_PW"], { ...server, NB_PW: "long secret" }),
    ).toEqual({
      name: "grant-reader",
      role: "nb_2",
      password: "long secret",
      json: false,
    });
    expect(parse(["grant-reader", "notebook", "--json"])).toMatchObject({ json: true });
  });

  it.each([
    ["Notebook", /lower-case/],
    ["1reader", /lower-case/],
    ['x"; drop table papers; --', /lower-case/],
    ["pg_reader", /reserved by Postgres/],
    ["public", /reserved by Postgres/],
    ["r".repeat(64), /at most 63/],
  ])("refuses the role name %j as bad usage", (role, reason) => {
    expect(() => parse(["grant-reader", role])).toThrow(UsageError);
    expect(() => parse(["grant-reader", role])).toThrow(reason);
  });

  it("refuses a missing or extra ROLE, and a password variable unset, empty or not ASCII", () => {
    expect(() => parse(["grant-reader"])).toThrow(/needs a ROLE/);
    expect(() => parse(["grant-reader", "a", "b"])).toThrow(/one ROLE/);
    expect(() => parse(["grant-reader", "a", "--password-env", "NB_PW"])).toThrow(/NB_PW is not set/);
    expect(() => parse(["grant-reader", "a", "--password-env", "NB_PW"], { ...server, NB_PW: "" })).toThrow(
      /not set/,
    );
    expect(() =>
      parse(["grant-reader", "a", "--password-env", "NB_PW"], { ...server, NB_PW: "mot de passe é" }),
    ).toThrow(/printable ASCII/);
    expect(() => parse(["grant-reader", "a", "--password-env", "NB-PW"])).toThrow(/variable name/);
  });

  it("refuses the embedded database, pointing to the export for notebooks", () => {
    for (const env of [{}, { DATABASE_URL: " " }]) {
      expect(() => parse(["grant-reader", "notebook"], env)).toThrow(UsageError);
      expect(() => parse(["grant-reader", "notebook"], env)).toThrow(/pnpm scrape export-all DIR/);
    }
  });
});
