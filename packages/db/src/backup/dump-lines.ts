import { listSequences, listTables, migrationsColumns, migrationsTable, tableKey } from "./list-tables.ts";
import type { Session } from "./session.ts";

/**
 * The data of a database as lines of SQL: one COPY block per table (text format rows) and a setval per sequence,
 * the subset of a plain pg_dump that `pg_restore --data-only` prints. The logical backup is these lines, gzipped,
 * between a first and a last comment line of its own; reading a pg_dump archive goes through the same parser, so
 * both load the same way into either engine.
 */
export type DumpEvent =
  | { kind: "copy"; table: string; columns: string }
  | { kind: "rows"; lines: string[] }
  | { kind: "end-copy" }
  | { kind: "setval"; sequence: string; value: number; called: boolean }
  | { kind: "header"; meta: Record<string, unknown> }
  | { kind: "trailer"; rows: Record<string, number> };

const headerPrefix = "-- Paperpulse backup ";
const trailerPrefix = "-- Paperpulse backup end ";
export const logicalFormat = "paperpulse-logical";

/** The database's data as dump lines, in batches; `meta` goes into the first line. */
export async function* dumpDatabase(
  session: Session,
  meta: Record<string, unknown>,
): AsyncIterable<string[]> {
  yield [`${headerPrefix}${JSON.stringify({ format: logicalFormat, version: 1, ...meta })}`];
  const rows: Record<string, number> = {};
  const tables = [{ table: migrationsTable, columns: migrationsColumns }, ...(await listTables(session))];
  for (const { table, columns } of tables) {
    yield [`COPY ${table} (${columns}) FROM stdin;`];
    let count = 0;
    for await (const lines of session.copyOut(table, columns)) {
      count += lines.length;
      yield lines;
    }
    yield ["\\."];
    rows[tableKey(table)] = count;
  }
  const sequences = await listSequences(session);
  yield sequences
    .filter((s) => s.value !== null)
    .map((s) => `SELECT pg_catalog.setval('${s.sequence.replaceAll("'", "''")}', ${s.value}, true);`);
  yield [`${trailerPrefix}${JSON.stringify({ rows })}`];
}

const copyLine =
  /^COPY ((?:[a-z_][a-z0-9_]*|"(?:[^"]|"")+")\.(?:[a-z_][a-z0-9_]*|"(?:[^"]|"")+")) \((.*)\) FROM stdin;$/;
const setvalLine = /^SELECT pg_catalog\.setval\('((?:[^']|'')+)', (\d+), (true|false)\);$/;

/** Reads dump lines (a logical backup, or what pg_restore prints) as events. */
export async function* parseDump(batches: AsyncIterable<string[]>): AsyncIterable<DumpEvent> {
  let inCopy = false;
  let lineNumber = 0;
  for await (const batch of batches) {
    let rows: string[] = [];
    for (const line of batch) {
      lineNumber++;
      if (inCopy) {
        if (line !== "\\.") {
          rows.push(line);
          continue;
        }
        if (rows.length > 0) yield { kind: "rows", lines: rows };
        rows = [];
        inCopy = false;
        yield { kind: "end-copy" };
        continue;
      }
      const copy = copyLine.exec(line);
      if (copy) {
        inCopy = true;
        yield { kind: "copy", table: copy[1] ?? "", columns: copy[2] ?? "" };
        continue;
      }
      const setval = setvalLine.exec(line);
      if (setval) {
        yield {
          kind: "setval",
          sequence: (setval[1] ?? "").replaceAll("''", "'"),
          value: Number(setval[2]),
          called: setval[3] === "true",
        };
      } else if (line.startsWith(trailerPrefix)) {
        const { rows: counts } = parseJson(line.slice(trailerPrefix.length), lineNumber);
        yield { kind: "trailer", rows: isCounts(counts) ? counts : {} };
      } else if (line.startsWith(headerPrefix)) {
        yield { kind: "header", meta: parseJson(line.slice(headerPrefix.length), lineNumber) };
      }
      // Anything else (SET lines, comments, blank lines of pg_restore's output) carries no data.
    }
    if (rows.length > 0) yield { kind: "rows", lines: rows };
  }
  if (inCopy)
    throw new Error(`the data ends inside a table's rows (line ${lineNumber}): the file is cut short`);
}

function isCounts(value: unknown): value is Record<string, number> {
  return (
    typeof value === "object" && value !== null && Object.values(value).every((n) => Number.isInteger(n))
  );
}

function parseJson(text: string, line: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object") return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`line ${line} is not the backup's header or trailer it claims to be`);
}
