import { exportTrending } from "@/server/export-listings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** See exportTrending: the same rows and columns in every format. */
export function GET(request: Request): Promise<Response> {
  return exportTrending(request, "csv");
}
