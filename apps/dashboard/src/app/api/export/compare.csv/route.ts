import { compareColumns } from "@/lib/compare-columns";
import { attachment, once, startCsvColumns } from "@/lib/csv";
import { toSearchParams } from "@/lib/filters";
import { parseCompareParams } from "@/lib/view-params";
import { loadCompare } from "@/server/compare";
import { getDb } from "@/server/db";
import { badRequest, csvResponse, exportInSlot, exportName } from "@/server/responses";
import { checkFilterValues } from "@/server/topics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The compare view's series, every period and organisation (or topic) it draws, with all three measures. */
export function GET(request: Request): Promise<Response> {
  return exportInSlot(async () => {
    const params = toSearchParams(new URL(request.url).searchParams);
    const parsed = parseCompareParams(params);
    const db = await getDb();
    await checkFilterValues(db, parsed);
    if (parsed.issues.length > 0) return badRequest(parsed.issues);
    const { series, labels } = await loadCompare(db, parsed);
    const base = new Map(series.periods.map((p) => [p.period, p.base]));
    const rows = series.rows.map((row) => ({
      ...row,
      label: labels.get(row.key) ?? row.key,
      base: base.get(row.period) ?? 0,
    }));
    const body = await startCsvColumns(compareColumns, once(rows), {
      params,
      idColumns: ["series", "label"],
    });
    return csvResponse(
      body,
      attachment(exportName(`compare-${parsed.by}-${parsed.granularity}`, parsed.filters)),
    );
  });
}
