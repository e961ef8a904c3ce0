import "server-only";
import type { Db } from "@paperpulse/db";
import { attachment } from "@/lib/csv";
import type { ExportFormat } from "@/lib/export-body";
import { type ParsedFilters, toSearchParams } from "@/lib/filters";
import { getDb } from "./db";
import { badRequest, csvResponse, exportInSlot, parquetResponse } from "./responses";
import { checkFilterValues } from "./topics";

/**
 * A filtered export in an export slot: its parameters parsed and checked (organisations and topics against the
 * database), 400 naming the bad ones, else `build` with them. The slot comes first, before any query: on PGlite even
 * checking the filters waits its turn.
 */
export function exportFiltered<T extends ParsedFilters>(
  request: Request,
  parse: (params: URLSearchParams) => T,
  build: (input: { db: Db; parsed: T; params: URLSearchParams }) => Promise<Response>,
): Promise<Response> {
  return exportInSlot(async () => {
    const params = toSearchParams(new URL(request.url).searchParams);
    const parsed = parse(params);
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    return build({ db, parsed, params });
  });
}

/** The response for an export's body in its format, downloaded under `name`. */
export function exportResponse(
  format: ExportFormat,
  body: ReadableStream<Uint8Array>,
  name: string,
): Response {
  return format === "parquet" ? parquetResponse(body, attachment(name)) : csvResponse(body, attachment(name));
}
