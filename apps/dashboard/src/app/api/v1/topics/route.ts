import { listTopics } from "@paperpulse/db";
import { offsetCursor, pageOf, readCursor } from "@/lib/api/cursor";
import { parseApiParams } from "@/lib/api/params";
import { topicListSchema } from "@/lib/api/schemas";
import { apiBadRequest, apiJson } from "@/server/api-response";
import { getDb } from "@/server/db";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every topic of the taxonomy with how many of the filtered papers carry it, in taxonomy order. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseApiParams(request.url);
  const at = readCursor(parsed.params, offsetCursor, parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (parsed.issues.length > 0) return apiBadRequest(parsed.issues);
  const topics = await listTopics(db, parsed.filters);
  return apiJson(request, topicListSchema, pageOf(topics, at, parsed.limit));
}
