import "server-only";
import { isStatementTimeout } from "@paperpulse/db";
import { describeIssues, type ParamIssue } from "@/lib/filters";
import { getEnv } from "./env";
import { exportRetryAfterSeconds, getExportLimit, releaseWhenDone, takeExportSlot } from "./export-slots";

const textHeaders = { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" };

/** 400 naming the offending parameters, in plain text so it reads well when a link is opened in a browser. */
export function badRequest(issues: ParamIssue[]): Response {
  return new Response(`Bad request: ${describeIssues(issues)}\n`, { status: 400, headers: textHeaders });
}

export function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: textHeaders });
}

/**
 * A streaming export in one of the process's export slots: 429 with Retry-After when all are taken, 503 when the
 * database cancels its first query for running too long. The slot is held until the client has read it all.
 */
export async function exportInSlot(build: () => Promise<Response>): Promise<Response> {
  const release = await takeExportSlot();
  if (!release) {
    const limit = await getExportLimit();
    return new Response(
      `Too many exports at once (at most ${limit} per server; PAPERPULSE_MAX_EXPORTS): try again in ${exportRetryAfterSeconds} s.\n`,
      { status: 429, headers: { ...textHeaders, "retry-after": String(exportRetryAfterSeconds) } },
    );
  }
  try {
    const response = await build();
    if (!response.body || response.status !== 200) {
      release();
      return response;
    }
    return new Response(releaseWhenDone(response.body, release), {
      status: response.status,
      headers: response.headers,
    });
  } catch (error) {
    release();
    if (isStatementTimeout(error)) return databaseTimeout();
    throw error;
  }
}

/** 503 for a query the database cancelled after PAPERPULSE_STATEMENT_TIMEOUT_SECONDS. */
export function databaseTimeout(): Response {
  const seconds = getEnv().PAPERPULSE_STATEMENT_TIMEOUT_SECONDS;
  return new Response(
    `The database did not answer within ${seconds} s (PAPERPULSE_STATEMENT_TIMEOUT_SECONDS): try again later, or narrow the filters.\n`,
    { status: 503, headers: { ...textHeaders, "retry-after": "30" } },
  );
}

export function csvResponse(body: ReadableStream<Uint8Array>, disposition: string): Response {
  return fileResponse(body, "text/csv; charset=utf-8", disposition);
}

/** A Parquet file, streamed row group by row group. */
export function parquetResponse(body: ReadableStream<Uint8Array>, disposition: string): Response {
  return fileResponse(body, "application/vnd.apache.parquet", disposition);
}

function fileResponse(body: ReadableStream<Uint8Array>, contentType: string, disposition: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": disposition,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** paperpulse-papers.csv, or paperpulse-papers-2026-01-01-to-latest.csv for a date range (or .parquet, …). */
export function exportName(
  view: string,
  filters: { from?: string | undefined; to?: string | undefined },
  extension = "csv",
): string {
  const range = [filters.from, filters.to].some(Boolean)
    ? `-${filters.from ?? "start"}-to-${filters.to ?? "latest"}`
    : "";
  return `paperpulse-${view}${range}.${extension}`;
}
