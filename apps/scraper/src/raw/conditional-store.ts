import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Validators } from "../fetch/create-fetcher.ts";

/**
 * The last body fetched from a URL with the validators it came with (ETag, Last-Modified), one file per URL in
 * the raw folder, replaced on each fetch: what a conditional request needs, so a "304 Not Modified" can be stored
 * as the capture it stands for. Bounded by the URLs fetched, not by how often.
 */
export type Conditional = { validators: Validators; body: string };

function conditionalPath(dir: string, url: string): string {
  return join(dir, "conditional", `${createHash("sha256").update(url).digest("hex")}.json.gz`);
}

export async function readConditional(dir: string, url: string): Promise<Conditional | null> {
  try {
    const stored = JSON.parse(
      gunzipSync(await readFile(conditionalPath(dir, url))).toString("utf8"),
    ) as Conditional;
    return typeof stored.body === "string" && (stored.validators?.etag || stored.validators?.lastModified)
      ? stored
      : null;
  } catch {
    // Missing or unreadable: the request simply goes out unconditional.
    return null;
  }
}

export async function keepConditional(dir: string, url: string, conditional: Conditional): Promise<void> {
  const path = conditionalPath(dir, url);
  await mkdir(join(dir, "conditional"), { recursive: true });
  // Write then rename: a crash leaves the previous file or the new one, never half of one.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, gzipSync(JSON.stringify(conditional)));
  await rename(temporary, path);
}
