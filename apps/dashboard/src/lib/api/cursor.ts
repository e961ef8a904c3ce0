import { z } from "zod";
import type { ParamIssue } from "../filters";

// Cursors are opaque to clients: what the next page starts after, as base64url JSON. A cursor is checked like any
// other parameter: one that does not decode to what this endpoint expects is a 400 naming `cursor`.

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** The position a `cursor` parameter encodes, or undefined (absent, or invalid with an issue). */
export function readCursor<T>(
  params: URLSearchParams,
  schema: z.ZodType<T>,
  issues: ParamIssue[],
): T | undefined {
  const values = params.getAll("cursor").filter((value) => value !== "");
  if (values.length > 1) {
    issues.push({ param: "cursor", message: "must be given at most once" });
    return undefined;
  }
  const raw = values[0];
  if (raw === undefined) return undefined;
  const decoded = raw.length <= 1000 && /^[A-Za-z0-9_-]+$/.test(raw) ? parseJson(raw) : undefined;
  const result = schema.safeParse(decoded);
  if (result.success) return result.data;
  issues.push({
    param: "cursor",
    message: "is not a cursor this endpoint handed out (pass nextCursor as it is)",
  });
  return undefined;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** A keyset position in a sorted listing: its sort, the last row's value of the sort key and its id. */
export const keysetCursor = z.object({
  s: z.string().max(20),
  v: z.union([z.string().max(500), z.number()]),
  id: z.string().max(200),
});
/** A position in a short, fully computed listing: how many rows came before. */
export const offsetCursor = z.object({ o: z.number().int().min(0).max(1_000_000) });
/** Runs, newest first: the listing goes on below this run id. */
export const beforeCursor = z.object({ before: z.number().int().min(1) });

/** One page of a fully computed listing from an offset cursor: its rows, and the cursor of the next page. */
export function pageOf<T>(rows: readonly T[], at: { o: number } | undefined, limit: number) {
  const start = at?.o ?? 0;
  const data = rows.slice(start, start + limit);
  return { data, nextCursor: start + limit < rows.length ? encodeCursor({ o: start + limit }) : null };
}
