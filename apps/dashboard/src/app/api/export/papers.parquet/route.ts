import { exportPapers } from "@/server/export-papers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** See exportPapers: the same rows and columns in every format. */
export function GET(request: Request): Promise<Response> {
  return exportPapers(request, "parquet");
}
