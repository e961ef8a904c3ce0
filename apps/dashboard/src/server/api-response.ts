import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { ParamIssue } from "@/lib/filters";

const jsonType = "application/json; charset=utf-8";
// Revalidated on every use: the data changes with every capture, and a 304 costs the client nothing but a request.
const cacheControl = "no-cache";

/**
 * A read API answer: the body checked against its declared schema (so it holds exactly the documented fields),
 * with an ETag of its bytes; a request whose If-None-Match names that ETag gets 304 and no body.
 */
export function apiJson<T extends z.ZodType>(request: Request, schema: T, body: z.input<T>): Response {
  const text = JSON.stringify(schema.parse(body));
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  const headers = { etag, "cache-control": cacheControl, vary: "accept-encoding" };
  if (matchesEtag(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(text, {
    headers: { ...headers, "content-type": jsonType, "x-content-type-options": "nosniff" },
  });
}

/** 400 naming every offending parameter, as JSON. */
export function apiBadRequest(issues: ParamIssue[]): Response {
  return apiProblem(400, "bad request", issues);
}

export function apiNotFound(message: string): Response {
  return apiProblem(404, message, []);
}

function apiProblem(status: number, error: string, issues: ParamIssue[]): Response {
  return new Response(JSON.stringify({ error, issues }), {
    status,
    headers: { "content-type": jsonType, "x-content-type-options": "nosniff", "cache-control": "no-store" },
  });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim();
    return value === "*" || value === etag || value === `W/${etag}`;
  });
}

/** An instant as the API writes it: ISO 8601, UTC. */
export function iso(value: Date): string;
export function iso(value: Date | null): string | null;
export function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
