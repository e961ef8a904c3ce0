import { listRuns } from "@paperpulse/db";
import { beforeCursor, encodeCursor, readCursor } from "@/lib/api/cursor";
import { parseApiParams } from "@/lib/api/params";
import { runListSchema } from "@/lib/api/schemas";
import { toApiRun } from "@/lib/api/to-api";
import { apiBadRequest, apiJson } from "@/server/api-response";
import { getDb } from "@/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Scrape and import runs, newest first. Runs are not filtered: only `limit` and `cursor` apply. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseApiParams(request.url);
  const at = readCursor(parsed.params, beforeCursor, parsed.issues);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const runs = await listRuns(await getDb(), parsed.limit + 1, at?.before);
  const data = runs.slice(0, parsed.limit);
  const last = data.at(-1);
  return apiJson(request, runListSchema, {
    data: data.map(toApiRun),
    nextCursor: runs.length > parsed.limit && last ? encodeCursor({ before: last.id }) : null,
  });
}
