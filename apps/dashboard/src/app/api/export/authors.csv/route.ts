import { listAuthors } from "@paperpulse/db";
import { authorColumns, rankAuthors } from "@/lib/author-columns";
import { authorsPageSize, parseAuthorsParams } from "@/lib/author-params";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { toSearchParams } from "@/lib/filters";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportInSlot, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Authors view's rows as shown: the same filters, order and page (`sort`, `page`). */
export function GET(request: Request): Promise<Response> {
  // One aggregate over every author row: in an export slot, as the other exports that read the whole history.
  return exportInSlot(async () => {
    const parsed = parseAuthorsParams(toSearchParams(new URL(request.url).searchParams));
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const { filters, sort, page } = parsed;
    const board = await listAuthors(db, filters, { sort, page, pageSize: authorsPageSize });
    const rows = rankAuthors(board.rows, (page - 1) * authorsPageSize + 1);
    const body = await startCsvColumns(authorColumns, once(rows));
    const view = page === 1 ? `authors-by-${sort}` : `authors-by-${sort}-page-${page}`;
    return csvResponse(body, attachment(exportName(view, filters)));
  });
}
