import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { ScraperEnv } from "../config/env.ts";

/** sha256 of a body: the page's content hash in scrape_pages and its file name in the raw store. */
export function hashBody(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Where raw pages live: PAPERPULSE_RAW_DIR, else `raw` in the data folder (parsed variables: empty is unset). */
export function defaultRawDir(env: Pick<ScraperEnv, "PAPERPULSE_RAW_DIR" | "PAPERPULSE_DATA_DIR">): string {
  return resolve(env.PAPERPULSE_RAW_DIR ?? join(env.PAPERPULSE_DATA_DIR, "raw"));
}

function rawPath(dir: string, hash: string): string {
  return join(dir, hash.slice(0, 2), `${hash}.gz`);
}

/** Keeps a body under its content hash (gzipped); the same body is stored once however often it is seen. */
export async function keepRaw(dir: string, hash: string, body: string): Promise<void> {
  const path = rawPath(dir, hash);
  if (existsSync(path)) return;
  await mkdir(dirname(path), { recursive: true });
  // Write then rename: a crash leaves no half-written file under the final name.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, gzipSync(body));
  await rename(temporary, path);
}

/** A kept body, or null when the store does not have it. */
export async function readRaw(dir: string, hash: string): Promise<string | null> {
  try {
    return gunzipSync(await readFile(rawPath(dir, hash))).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
