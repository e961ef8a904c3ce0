import { exportSnapshots } from "@/server/export-snapshots";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** See exportSnapshots: the same rows and columns in every format. */
export function GET(request: Request): Promise<Response> {
  return exportSnapshots(request, "csv");
}
