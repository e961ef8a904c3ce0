import { exportRising } from "@/server/export-listings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** See exportRising: the same rows and columns in every format. */
export function GET(request: Request): Promise<Response> {
  return exportRising(request, "csv");
}
