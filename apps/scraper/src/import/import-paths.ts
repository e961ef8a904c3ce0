import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Db, SnapshotMode } from "@paperpulse/db";
import type { RunTrigger } from "@paperpulse/schema";
import { ParseError } from "../parse/index.ts";
import { hashBody, keepRaw } from "../raw/raw-store.ts";
import { detectBodyKind, parseBody } from "../run/parse-body.ts";
import { beginRun, type RunRecorder } from "../run/run-recorder.ts";
import { StorageFullError } from "../run/storage-full.ts";
import type { ProgressListener, RunSummary } from "../run/summary.ts";
import { UsageError } from "../usage-error.ts";
import { readTarMembers } from "./read-tar-members.ts";

export type ImportOptions = {
  /** Capture time for every file; else each archive member's or file's modification time. */
  capturedAt?: Date;
  trigger?: RunTrigger;
  command?: string;
  onProgress?: ProgressListener;
  /** Keep the bodies of files that fail to parse here, for `pnpm scrape reparse`. */
  rawDir?: string;
  /** `every-capture`: a snapshot row per capture, as stored before change-only snapshots (for comparisons). */
  snapshots?: SnapshotMode;
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
    options.snapshots ? { snapshots: options.snapshots } : {},
  );
  // Files are read and parsed while the database stores the batch before them, and stored in batches of a few
  // dozen, each in one transaction: per file, the round trips and the recomputed month figures cost more than
  // the rows. A crash loses at most the batch in flight; the next import stores it again, as it would any page.
  const batch = new ImportBatch(run, options);
  try {
    for (const source of sources) {
      if (source.archive) {
        for await (const member of readTarMembers(source.path, (name) => RECORDED.test(name))) {
          const url = `${pathToFileURL(source.path).href}#${encodeURIComponent(member.name)}`;
          run.step(member.name, null);
          await batch.add(
            prepareRecorded({ url, name: member.name, mtime: member.mtime, body: member.body }, options),
          );
        }
      } else {
        run.step(basename(source.path), sources.length);
        const [body, info] = await Promise.all([readFile(source.path), stat(source.path)]);
        await batch.add(
          prepareRecorded(
            { url: pathToFileURL(source.path).href, name: basename(source.path), mtime: info.mtime, body },
            options,
          ),
        );
      }
    }
    await batch.flush();
    await batch.settle();
  } catch (error) {
    // A batch still storing when another step failed settles before the run is finished.
    await batch.settle().catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    const errorCode = error instanceof StorageFullError ? error.code : "IMPORT_FAILED";
    return run.finish({ errorCode, error: message });
  }
  return run.finish();
}

type Prepared = {
  page: { url: string; kind: "file"; bytes: number; contentHash: string };
  text: string;
  capturedAt: Date;
  nameDate: string | null;
  parsed: ReturnType<typeof parseBody> | ParseError;
};

/** Reads and parses one recorded file; a file that does not parse is kept as its error, to be recorded in turn. */
function prepareRecorded(file: Recorded, options: ImportOptions): Prepared {
  const text = file.body.toString("utf8");
  const page = {
    url: file.url,
    kind: "file" as const,
    bytes: file.body.byteLength,
    contentHash: hashBody(text),
  };
  let parsed: Prepared["parsed"];
  try {
    parsed = parseBody(detectBodyKind(file.name, text), text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    parsed = error;
  }
  return {
    page,
    text,
    capturedAt: options.capturedAt ?? file.mtime ?? new Date(),
    nameDate: dateInName(file.name),
    parsed,
  };
}

/** A batch stores this many files at most, or the files of this many papers. */
const BATCH_FILES = 25;
const BATCH_PAPERS = 2_500;

/**
 * Collects parsed files into batches and stores each batch while the next one is read: at most one batch is being
 * stored at a time, and batches store in the order of the files. A file that did not parse is recorded as a failed
 * page in its place, after the files before it.
 */
class ImportBatch {
  private pending: Prepared[] = [];
  private papers = 0;
  private storing: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: RunRecorder,
    private readonly options: ImportOptions,
  ) {}

  async add(file: Prepared): Promise<void> {
    if (file.parsed instanceof ParseError) {
      await this.flush();
      await this.settle();
      await recordFailure(this.run, file, file.parsed, this.options);
      return;
    }
    this.pending.push(file);
    this.papers += file.parsed.papers.length;
    if (this.pending.length >= BATCH_FILES || this.papers >= BATCH_PAPERS) await this.flush();
  }

  /** Starts storing what is collected, once the batch before it is stored. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const files = this.pending;
    this.pending = [];
    this.papers = 0;
    await this.storing;
    this.storing = storeBatch(this.run, files, this.options);
    // Its failure surfaces at the next flush or settle; marked as handled now, or Node would end the process on
    // a rejection nobody was awaiting yet.
    this.storing.catch(() => {});
  }

  settle(): Promise<void> {
    return this.storing;
  }
}

async function storeBatch(run: RunRecorder, files: Prepared[], options: ImportOptions): Promise<void> {
  const pages = files.map((file) => ({
    page: file.page,
    capture: {
      capturedAt: file.capturedAt,
      listingDate: file.nameDate ?? (file.parsed as Exclude<Prepared["parsed"], ParseError>).listingDate,
      papers: (file.parsed as Exclude<Prepared["parsed"], ParseError>).papers,
    },
  }));
  try {
    await run.savePages(pages);
  } catch (error) {
    // Impossible dates are found before storing: each file on its own then, a bad one recorded as failed.
    if (!(error instanceof ParseError)) throw error;
    for (const [index, file] of files.entries()) {
      const page = pages[index];
      if (!page) continue;
      try {
        await run.savePage(page.page, page.capture);
      } catch (failure) {
        if (!(failure instanceof ParseError)) throw failure;
        await recordFailure(run, file, failure, options);
      }
    }
  }
}

async function recordFailure(run: RunRecorder, file: Prepared, failure: ParseError, options: ImportOptions) {
  if (options.rawDir) await keepRaw(options.rawDir, file.page.contentHash, file.text);
  await run.failPage({
    ...file.page,
    listingDate: file.nameDate,
    capturedAt: file.capturedAt,
    errorCode: failure.code,
    error: failure.message,
  });
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
