import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults, treating empty values as unset", () => {
    expect(parseEnv({})).toEqual({ PORT: 3000, PAPERPULSE_DATA_DIR: "./.data" });
    expect(parseEnv({ PORT: "", DATABASE_URL: " ", PAPERPULSE_DATA_DIR: "" })).toEqual({
      PORT: 3000,
      PAPERPULSE_DATA_DIR: "./.data",
    });
  });

  it("reads a port, a Postgres URL and a data folder", () => {
    expect(
      parseEnv({
        PORT: "8080",
        DATABASE_URL: "postgresql://u:p@db/paperpulse",
        PAPERPULSE_DATA_DIR: "/srv/data",
      }),
    ).toEqual({
      PORT: 8080,
      DATABASE_URL: "postgresql://u:p@db/paperpulse",
      PAPERPULSE_DATA_DIR: "/srv/data",
    });
  });

  it("names bad variables without echoing their values", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    try {
      parseEnv({ DATABASE_URL: "mysql://user:secret@host/db" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as Error).message).toMatch(/DATABASE_URL must be a postgres/);
      expect((error as Error).message).not.toContain("secret");
    }
  });
});
