import "server-only";
import { describeIssues, type ParamIssue } from "@/lib/filters";

const textHeaders = { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" };

/** 400 naming the offending parameters, in plain text so it reads well when a link is opened in a browser. */
export function badRequest(issues: ParamIssue[]): Response {
  return new Response(`Bad request: ${describeIssues(issues)}\n`, { status: 400, headers: textHeaders });
}

export function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: textHeaders });
}

export function csvResponse(body: ReadableStream<Uint8Array>, disposition: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": disposition,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** paperpulse-papers.csv, or paperpulse-papers-2026-01-01-to-latest.csv for a date range. */
export function exportName(
  view: string,
  filters: { from?: string | undefined; to?: string | undefined },
): string {
  const range = [filters.from, filters.to].some(Boolean)
    ? `-${filters.from ?? "start"}-to-${filters.to ?? "latest"}`
    : "";
  return `paperpulse-${view}${range}.csv`;
}
