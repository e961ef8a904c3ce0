import { parseScraperEnv } from "@paperpulse/scraper";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const defaults = {
  // The scraper's variables, declared by the scraper and composed into the dashboard's schema.
  ...parseScraperEnv({}),
  PORT: 3000,
  HOST: "127.0.0.1",
  PAPERPULSE_TRUST_PROXY: false,
  PAPERPULSE_DATA_DIR: "./.data",
  HF_BASE_URL: "https://huggingface.co",
  PAPERPULSE_STATEMENT_TIMEOUT_SECONDS: 15,
  PAPERPULSE_DB_POOL_SIZE: 10,
  PAPERPULSE_PAGE_CACHE_MB: 64,
};

describe("parseEnv", () => {
  it("applies defaults, treating empty values as unset", () => {
    expect(parseEnv({})).toEqual(defaults);
    expect(
      parseEnv({
        PORT: "",
        DATABASE_URL: " ",
        PAPERPULSE_DATA_DIR: "",
        HF_BASE_URL: "",
        PAPERPULSE_ADMIN_TOKEN: "",
      }),
    ).toEqual(defaults);
  });

  it("reads a port, a Postgres URL and a data folder", () => {
    expect(
      parseEnv({
        PORT: "8080",
        DATABASE_URL: "postgresql://u:p@db/paperpulse",
        PAPERPULSE_DATA_DIR: "/srv/data",
      }),
    ).toEqual({
      ...defaults,
      PORT: 8080,
      DATABASE_URL: "postgresql://u:p@db/paperpulse",
      PAPERPULSE_DATA_DIR: "/srv/data",
    });
  });

  it("reads the network settings: host, allowed host names, a trusted proxy", () => {
    expect(
      parseEnv({
        HOST: "0.0.0.0",
        PAPERPULSE_ALLOWED_HOSTS: " Papers.Example.org, ,localhost ",
        PAPERPULSE_TRUST_PROXY: "1",
      }),
    ).toMatchObject({
      HOST: "0.0.0.0",
      PAPERPULSE_ALLOWED_HOSTS: ["papers.example.org", "localhost"],
      PAPERPULSE_TRUST_PROXY: true,
    });
    expect(parseEnv({ PAPERPULSE_TRUST_PROXY: "off" }).PAPERPULSE_TRUST_PROXY).toBe(false);
    expect(() => parseEnv({ PAPERPULSE_TRUST_PROXY: "maybe" })).toThrow(
      /PAPERPULSE_TRUST_PROXY must be 1\/true/,
    );
    expect(() => parseEnv({ PAPERPULSE_MAX_EXPORTS: "0" })).toThrow(/PAPERPULSE_MAX_EXPORTS/);
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

  it("reads the scrape base URL and an admin token, refusing a short token without echoing it", () => {
    expect(
      parseEnv({ HF_BASE_URL: "http://127.0.0.1:9000", PAPERPULSE_ADMIN_TOKEN: "x".repeat(32) }),
    ).toMatchObject({
      HF_BASE_URL: "http://127.0.0.1:9000",
      PAPERPULSE_ADMIN_TOKEN: "x".repeat(32),
    });
    expect(() => parseEnv({ HF_BASE_URL: "file:///etc/passwd" })).toThrow(/HF_BASE_URL must be an http/);
    expect(() => parseEnv({ PAPERPULSE_ADMIN_TOKEN: "hunter2" })).toThrow(
      /PAPERPULSE_ADMIN_TOKEN must be at least 16/,
    );
    expect(() => parseEnv({ PAPERPULSE_ADMIN_TOKEN: "hunter2" })).not.toThrow(/hunter2/);
  });

  it("reads the page cache size, 0 turning it off, and refuses anything else", () => {
    expect(parseEnv({ PAPERPULSE_PAGE_CACHE_MB: "0" }).PAPERPULSE_PAGE_CACHE_MB).toBe(0);
    expect(parseEnv({ PAPERPULSE_PAGE_CACHE_MB: "256" }).PAPERPULSE_PAGE_CACHE_MB).toBe(256);
    expect(() => parseEnv({ PAPERPULSE_PAGE_CACHE_MB: "-1" })).toThrow(/PAPERPULSE_PAGE_CACHE_MB/);
    expect(() => parseEnv({ PAPERPULSE_PAGE_CACHE_MB: "lots" })).toThrow(/PAPERPULSE_PAGE_CACHE_MB/);
  });
});
