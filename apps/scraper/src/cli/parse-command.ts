import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { FIRST_DAILY_PAPERS_DATE } from "../backfill/plan-backfill.ts";
import { readNamedVariable, type ScraperEnv } from "../config/env.ts";
import { type RemoteSettings, remoteSettingsOf } from "../config/remote-settings.ts";
import { defaultRawDir } from "../raw/raw-store.ts";
import { planJob } from "../schedule/plan-job.ts";
import { loadScheduleConfig, type ScheduleConfig } from "../schedule/schedule-config.ts";
import {
  isoWeekOf,
  listDays,
  parseDateArg,
  parseMonthArg,
  parseWeekArg,
  type SourceKind,
  type Target,
  todayUtc,
} from "../sources/targets.ts";
import { UsageError } from "../usage-error.ts";
import { type GrantReaderCommand, parseGrantReaderCommand } from "./parse-grant-reader-command.ts";
import { type OrgsCommand, parseOrgsCommand } from "./parse-orgs-command.ts";

export type Command =
  | { name: "help" }
  | { name: "import"; paths: string[]; capturedAt: Date | undefined; rawDir: string }
  | ({ name: "scrape"; label: string; targets: Target[]; source: SourceKind } & Remote)
  | { name: "runs"; limit: number }
  | ({ name: "schedule"; schedule: ScheduleConfig } & Remote)
  | ({ name: "backfill"; from: string; to: string; force: boolean; source: SourceKind } & Remote)
  | { name: "gaps"; from: string | null; to: string }
  | { name: "reparse"; all: boolean; runId: number | undefined; rawDir: string }
  | { name: "retopic" }
  | { name: "backup"; file: string | undefined; force: boolean; logical: boolean }
  | { name: "restore"; file: string; force: boolean }
  | { name: "compact"; dryRun: boolean; batch: number | undefined }
  | { name: "export-all"; dir: string; force: boolean }
  | OrgsCommand
  | GrantReaderCommand;

/** What every command that fetches shares: where, how many requests, raw pages, rendering. */
export type Remote = {
  baseUrl: string;
  maxRequests: number;
  /** Raw bodies go here: failed ones always, all of them with --record DIR. */
  raw: { dir: string; recordAll: boolean };
  render: "auto" | "always";
  /** The environment's politeness limits, private hosts and browser. */
  settings: RemoteSettings;
};

export type ParsedCommand = { command: Command; json: boolean };

export const USAGE = `Usage: pnpm scrape <command> [options]

Commands:
  import PATH...        import recorded /api/daily_papers responses (.json), saved listing pages (.html),
                        folders and .tar.gz archives of them
  day [YYYY-MM-DD]      scrape one day's listing (default: today, UTC)
  week [YYYY-Www]       scrape one ISO week's listing (default: this week)
  month [YYYY-MM]       scrape one month's listing (default: this month)
  range FROM TO         scrape every day from FROM to TO (YYYY-MM-DD, both included)
  trending              scrape the trending listing
  refresh [--days N]    capture today and the last N days again (default PAPERPULSE_REFRESH_DAYS, else 14), through
                        PAPERPULSE_SCHEDULE_SOURCE (default the API): what the hourly scheduled job does
  backfill --from DATE [--to DATE] [--force]
                        fetch every day from DATE (2023-05-05 at the earliest) to --to (default: yesterday) not
                        yet captured after its upvotes settled; resumable; --force fetches settled days again
  gaps [--from DATE] [--to DATE]
                        list the days with no capture, or only failed ones
  reparse [--all] [--run ID] [--dir DIR]
                        parse kept raw pages again after a parser change (default: those that failed), no fetching
  retopic               recompute every stored paper's topics and keywords after the taxonomy changed
  schedule              run the scheduled scrapes as a daemon (see PAPERPULSE_SCHEDULE_*), until stopped
  runs                  list recent runs
  backup [FILE] [--force] [--logical]
                        copy everything in the database to FILE (default paperpulse-backup-TIME.*): the embedded
                        database's own dump, or on Postgres pg_dump's custom format when pg_dump is on PATH, else
                        a logical dump (gzipped SQL, also with --logical); safe while the dashboard and runs go on
                        (Postgres); --force replaces FILE
  restore FILE [--force]
                        load a backup of either engine into the configured database (DATABASE_URL, else
                        PAPERPULSE_DATA_DIR); the file is read through first; a database holding papers or runs
                        is replaced only with --force
  compact [--dry-run] [--batch N]
                        keep only the snapshots where a paper's counts changed (what the store now writes), in a
                        database filled before: batches of N papers (default 500), resumable; --dry-run prints
                        what would be removed
  export-all DIR [--force]
                        write every table (papers, authors, keywords, topics, organisations and groups, snapshots,
                        runs, pages, trending listings) to DIR as Parquet, one file per table; --force replaces files
  orgs list             the organisation groups (one company under several Hugging Face names), each with its
                        names and their stored papers
  orgs group GROUP NAME...
                        put organisation NAMEs (any case, seen yet or not) in GROUP, created when new; a name
                        already in another group is refused and nothing changes
  orgs ungroup GROUP [NAME...]
                        take the NAMEs out of GROUP, or remove GROUP when no NAME is given (papers keep their
                        organisation either way)
  grant-reader ROLE [--password-env VAR]
                        Postgres: create or update ROLE, a login that may only read (SELECT every table, those of
                        later migrations too), for notebooks; the password from VAR, else generated and printed once

Options:
  --source page|api     listing pages (default) or the JSON API
  --captured-at ISO     capture time for imported files (default: each file's modification time)
  --base-url URL        site to scrape (default: HF_BASE_URL, else https://huggingface.co)
  --max-requests N      hard bound on HTTP requests in this run (default 200)
  --limit N             how many runs to list (default 20)
  --from, --to DATE     the days of backfill and gaps
  --days N              refresh: how many days before today to capture again (1–60)
  --force               backfill: fetch days that already settled too; backup: replace FILE; restore: replace
                        a database that holds data; export-all: replace the files in DIR
  --password-env VAR    grant-reader: read the role's password from the environment variable VAR
  --logical             backup: write the logical dump even when pg_dump is on PATH
  --record DIR          keep every raw response in DIR, content-addressed (failed ones are always kept, in
                        PAPERPULSE_RAW_DIR, default .data/raw)
  --render              load listing pages in headless Chromium (default: only when a page holds no listing)
  --json                print one JSON summary object as the last line
  -h, --help            show this help

Exit status: 0 success, 1 failed or partial run, 2 bad usage.`;

const options = {
  json: { type: "boolean" },
  source: { type: "string" },
  "captured-at": { type: "string" },
  "base-url": { type: "string" },
  "max-requests": { type: "string" },
  limit: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  force: { type: "boolean" },
  record: { type: "string" },
  render: { type: "boolean" },
  all: { type: "boolean" },
  run: { type: "string" },
  dir: { type: "string" },
  days: { type: "string" },
  logical: { type: "boolean" },
  "dry-run": { type: "boolean" },
  batch: { type: "string" },
  "password-env": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `env`: the variables, parsed once by the entry; `readVariable`: one the command line names (--password-env). */
export function parseCommand(
  argv: string[],
  env: ScraperEnv,
  now = new Date(),
  readVariable: (name: string) => string | undefined = readNamedVariable,
): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split("\n")[0] ?? "bad options") : "bad options",
    );
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const [name, ...args] = positionals;
  if (values.help || name === undefined || name === "help") return { command: { name: "help" }, json };

  const maxArgs = (count: number) => {
    if (args.length > count)
      throw new UsageError(`${name} takes at most ${count} argument(s), got ${args.length}`);
  };
  const remote = (defaultMaxRequests = 200): Remote => {
    return {
      baseUrl: values["base-url"] ?? env.HF_BASE_URL,
      maxRequests: parsePositiveInt(values["max-requests"] ?? String(defaultMaxRequests), "--max-requests"),
      raw: {
        dir: values.record ? resolve(values.record) : defaultRawDir(env),
        recordAll: values.record !== undefined,
      },
      render: values.render ? "always" : "auto",
      settings: remoteSettingsOf(env),
    };
  };
  const yesterday = todayUtc(new Date(now.getTime() - 86_400_000));
  const scrape = (label: string, targets: Target[]): Command => ({
    name: "scrape",
    label,
    targets,
    source: parseSource(values.source),
    ...remote(),
  });

  switch (name) {
    case "import": {
      if (args.length === 0) throw new UsageError("import needs at least one PATH");
      const at = values["captured-at"];
      return {
        command: {
          name: "import",
          paths: args,
          capturedAt: at === undefined ? undefined : parseInstant(at),
          rawDir: defaultRawDir(env),
        },
        json,
      };
    }
    case "day": {
      maxArgs(1);
      const day = parseDateArg(args[0] ?? todayUtc(now));
      return { command: scrape(`day ${day}`, [{ kind: "date", value: day }]), json };
    }
    case "week": {
      maxArgs(1);
      const week = parseWeekArg(args[0] ?? isoWeekOf(now));
      return { command: scrape(`week ${week}`, [{ kind: "week", value: week }]), json };
    }
    case "month": {
      maxArgs(1);
      const month = parseMonthArg(args[0] ?? todayUtc(now).slice(0, 7));
      return { command: scrape(`month ${month}`, [{ kind: "month", value: month }]), json };
    }
    case "range": {
      if (args.length !== 2) throw new UsageError("range needs FROM and TO (YYYY-MM-DD)");
      const from = parseDateArg(args[0] ?? "", "FROM");
      const to = parseDateArg(args[1] ?? "", "TO");
      const targets = listDays(from, to).map((value): Target => ({ kind: "date", value }));
      return { command: scrape(`range ${from} ${to}`, targets), json };
    }
    case "trending":
      maxArgs(0);
      return { command: scrape("trending", [{ kind: "trending" }]), json };
    case "refresh": {
      maxArgs(0);
      // The scheduled job's plan and source, so a manual refresh captures exactly what the hourly one would.
      const config = loadScheduleConfig(env);
      const days = values.days === undefined ? config.refreshDays : parseDays(values.days);
      const source = values.source === undefined ? config.source : parseSource(values.source);
      const targets = planJob("refresh", { ...config, refreshDays: days, source }, now);
      return {
        command: { name: "scrape", label: `refresh ${days} days`, targets, source, ...remote() },
        json,
      };
    }
    case "backfill": {
      maxArgs(0);
      if (values.from === undefined) throw new UsageError("backfill needs --from YYYY-MM-DD");
      const from = parseDateArg(values.from, "--from");
      if (from < FIRST_DAILY_PAPERS_DATE) {
        throw new UsageError(`--from ${from} is before Daily Papers began (${FIRST_DAILY_PAPERS_DATE})`);
      }
      const to = parseDateArg(values.to ?? yesterday, "--to");
      const days = listDays(from, to).length;
      const source = values.source === undefined ? "api" : parseSource(values.source);
      // Each day takes one page load or one API call (a day has fewer than 100 papers), plus room for retries.
      const perDay = 2;
      return {
        command: {
          name: "backfill",
          from,
          to,
          force: values.force ?? false,
          source,
          ...remote(days * perDay + 10),
        },
        json,
      };
    }
    case "gaps": {
      maxArgs(0);
      const from = values.from === undefined ? null : parseDateArg(values.from, "--from");
      const to = parseDateArg(values.to ?? yesterday, "--to");
      if (from !== null) listDays(from, to);
      return { command: { name: "gaps", from, to }, json };
    }
    case "reparse": {
      maxArgs(0);
      const runId = values.run === undefined ? undefined : parsePositiveInt(values.run, "--run");
      const rawDir = values.dir ? resolve(values.dir) : defaultRawDir(env);
      return { command: { name: "reparse", all: values.all ?? false, runId, rawDir }, json };
    }
    case "retopic":
      maxArgs(0);
      return { command: { name: "retopic" }, json };
    case "schedule": {
      maxArgs(0);
      return { command: { name: "schedule", schedule: loadScheduleConfig(env), ...remote() }, json };
    }
    case "backup":
      maxArgs(1);
      return {
        command: {
          name: "backup",
          file: args[0] === undefined ? undefined : resolve(args[0]),
          force: values.force ?? false,
          logical: values.logical ?? false,
        },
        json,
      };
    case "restore":
      if (args.length !== 1) throw new UsageError("restore needs the backup FILE");
      return {
        command: { name: "restore", file: resolve(args[0] ?? ""), force: values.force ?? false },
        json,
      };
    case "compact":
      maxArgs(0);
      return {
        command: {
          name: "compact",
          dryRun: values["dry-run"] ?? false,
          batch: values.batch === undefined ? undefined : parsePositiveInt(values.batch, "--batch"),
        },
        json,
      };
    case "export-all":
      if (args.length !== 1) throw new UsageError("export-all needs the DIR to write the Parquet files into");
      return {
        command: { name: "export-all", dir: resolve(args[0] ?? ""), force: values.force ?? false },
        json,
      };
    case "orgs":
      return { command: parseOrgsCommand(args), json };
    case "grant-reader":
      return {
        command: parseGrantReaderCommand(
          args,
          { passwordEnv: values["password-env"], json },
          env,
          readVariable,
        ),
        json,
      };
    case "runs":
      maxArgs(0);
      return { command: { name: "runs", limit: parsePositiveInt(values.limit ?? "20", "--limit") }, json };
    default:
      throw new UsageError(`unknown command ${JSON.stringify(name)} (try --help)`);
  }
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 60) {
    throw new UsageError(`--days must be a whole number from 1 to 60, got ${JSON.stringify(value)}`);
  }
  return days;
}

function parseSource(value: string | undefined): SourceKind {
  if (value === undefined || value === "page") return "page";
  if (value === "api") return "api";
  throw new UsageError(`--source must be page or api, got ${JSON.stringify(value)}`);
}

function parsePositiveInt(value: string, what: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${what} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return n;
}

function parseInstant(value: string): Date {
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(
      `--captured-at must be an ISO 8601 time such as 2026-07-31T08:00:00Z, got ${JSON.stringify(value)}`,
    );
  }
  return new Date(time);
}
