import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Db } from "@paperpulse/db";
import type { RunTrigger } from "@paperpulse/schema";
import { ParseError } from "../parse/index.ts";
import { hashBody, keepRaw } from "../raw/raw-store.ts";
import { detectBodyKind, parseBody } from "../run/parse-body.ts";
import { beginRun, type RunRecorder } from "../run/run-recorder.ts";
import { StorageFullError } from "../run/storage-full.ts";
import type { ProgressListener, RunSummary } from "../run/summary.ts";
import { UsageError } from "../sources/targets.ts";
import { readTarMembers } from "./read-tar-members.ts";

export type ImportOptions = {
  /** Capture time for every file; else each archive member's or file's modification time. */
  capturedAt?: Date;
  trigger?: RunTrigger;
  command?: string;
  onProgress?: ProgressListener;
  /** Keep the bodies of files that fail to parse here, for `pnpm scrape reparse`. */
  rawDir?: string;
};

type Recorded = { url: string; name: string; mtime: Date | null; body: Buffer };

const ARCHIVE = /\.(tar\.gz|tgz|tar)$/i;
const RECORDED = /\.(json|html?)$/i;

/**
 * Imports recorded `/api/daily_papers` responses (.json), saved listing pages (.html), folders of them and
 * tar(.gz) archives of them, as one run. A file that does not parse is recorded as a failed page and the rest
 * still import; nothing stored before is touched by a bad file.
 */
export async function importPaths(db: Db, paths: string[], options: ImportOptions = {}): Promise<RunSummary> {
  if (paths.length === 0) throw new UsageError("import needs at least one PATH");
  const sources = await expandPaths(paths);
  const run = await beginRun(
    db,
    {
      trigger: options.trigger ?? "import",
      command: options.command ?? `import ${paths.join(" ")}`,
      plan: { paths: sources.map((s) => s.path), capturedAt: options.capturedAt?.toISOString() ?? null },
    },
    options.onProgress,
  );
  try {
    for (const source of sources) {
      if (source.archive) {
        for await (const member of readTarMembers(source.path, (name) => RECORDED.test(name))) {
          const url = `${pathToFileURL(source.path).href}#${encodeURIComponent(member.name)}`;
          run.step(member.name, null);
          await importRecorded(
            run,
            { url, name: member.name, mtime: member.mtime, body: member.body },
            options,
          );
        }
      } else {
        run.step(basename(source.path), sources.length);
        const [body, info] = await Promise.all([readFile(source.path), stat(source.path)]);
        const url = pathToFileURL(source.path).href;
        await importRecorded(run, { url, name: basename(source.path), mtime: info.mtime, body }, options);
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errorCode = error instanceof StorageFullError ? error.code : "IMPORT_FAILED";
    return run.finish({ errorCode, error: message });
  }
  return run.finish();
}

async function importRecorded(run: RunRecorder, file: Recorded, options: ImportOptions): Promise<void> {
  const capturedAt = options.capturedAt ?? file.mtime ?? new Date();
  const nameDate = dateInName(file.name);
  const text = file.body.toString("utf8");
  const page = {
    url: file.url,
    kind: "file" as const,
    bytes: file.body.byteLength,
    contentHash: hashBody(text),
  };
  try {
    const parsed = parseBody(detectBodyKind(file.name, text), text);
    await run.savePage(page, {
      capturedAt,
      listingDate: nameDate ?? parsed.listingDate,
      papers: parsed.papers,
    });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    if (options.rawDir) await keepRaw(options.rawDir, page.contentHash, text);
    await run.failPage({
      ...page,
      listingDate: nameDate,
      capturedAt,
      errorCode: error.code,
      error: error.message,
    });
  }
}

function dateInName(name: string): string | null {
  const matches = basename(name).match(/\d{4}-\d{2}-\d{2}/g);
  const last = matches?.at(-1);
  if (!last) return null;
  return Number.isNaN(Date.parse(`${last}T00:00:00Z`)) ? null : last;
}

type Source = { path: string; archive: boolean };

async function expandPaths(paths: string[]): Promise<Source[]> {
  const out: Source[] = [];
  for (const input of paths) {
    const path = resolve(input);
    const info = await stat(path).catch(() => {
      throw new UsageError(`import: ${input} does not exist`);
    });
    if (info.isDirectory()) {
      const found = await walk(path);
      if (found.length === 0) throw new UsageError(`import: ${input} holds no .json, .html or .tar.gz files`);
      out.push(...found);
    } else if (ARCHIVE.test(path)) out.push({ path, archive: true });
    else if (RECORDED.test(path)) out.push({ path, archive: false });
    else
      throw new UsageError(
        `import: ${input} is not a .json, .html or .tar.gz file (${extname(path) || "no extension"})`,
      );
  }
  return out;
}

async function walk(dir: string): Promise<Source[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: Source[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (ARCHIVE.test(entry.name)) out.push({ path, archive: true });
    else if (RECORDED.test(entry.name)) out.push({ path, archive: false });
  }
  return out;
}
