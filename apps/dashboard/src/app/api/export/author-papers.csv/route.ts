import { getAuthor, listAuthorPapers } from "@paperpulse/db";
import { authorPaperColumns } from "@/lib/author-columns";
import { maxAuthorPapers, readAuthorParam } from "@/lib/author-params";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { parseFilters, toSearchParams } from "@/lib/filters";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportName, notFound } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * An author's papers, as their page lists them (newest first) but all of them: `user=USER` (a Hugging Face
 * account) or `name=NAME` (an author listed without one), with the shared filters; 404 for an unknown author.
 */
export async function GET(request: Request): Promise<Response> {
  const params = toSearchParams(new URL(request.url).searchParams);
  const parsed = parseFilters(params);
  const ref = readAuthorParam(params, parsed.issues);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  if (!ref || parsed.issues.length > 0) return badRequest(parsed.issues);
  const author = await getAuthor(db, ref);
  if (!author) return notFound(`Unknown author "${ref.value}": no captured paper lists them.`);
  // An author has at most a few hundred papers: one indexed query, one batch.
  const rows = await listAuthorPapers(db, ref, parsed.filters, { limit: maxAuthorPapers });
  const body = await startCsvColumns(authorPaperColumns, once(rows), { params, idColumns: ["id"] });
  return csvResponse(body, attachment(exportName(`author-${author.key.replace(":", "-")}`, parsed.filters)));
}
