import { getEnv } from "@/server/env";
import { clientKey } from "@/server/network";
import { getRunNowAccess, getRunNowLimiters } from "@/server/run-now";
import { bearerToken, tokensMatch } from "@/server/run-now-guard";
import { triggerRefresh } from "@/server/schedule";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const maxFormBytes = 4096;

/**
 * "Run now": starts the refresh job, or returns the run already active (202 either way, with its id). POST only;
 * addressed to an allowed host and same-site only (checked for every state-changing request in proxy.ts);
 * rate-limited; in server mode or beyond loopback it needs PAPERPULSE_ADMIN_TOKEN (Bearer header or form field).
 */
export async function POST(request: Request): Promise<Response> {
  const { headers } = request;
  const limiters = getRunNowLimiters();
  const limit = limiters.perClient.take(clientKey(headers, getEnv()));
  if (!limit.ok) return tooMany(limit.retryAfterSeconds);
  const access = await getRunNowAccess();
  if (!access.enabled) return text(403, `Run now is disabled: ${access.reason}.`);
  const form = isForm(headers);
  if (access.tokenRequired) {
    const given = bearerToken(headers) ?? (form ? await formToken(request) : null);
    if (given === undefined) return text(413, `Form too large (at most ${maxFormBytes} bytes).`);
    const right = given ? tokensMatch(given, getEnv().PAPERPULSE_ADMIN_TOKEN ?? "") : false;
    if (!right) {
      const failure = limiters.failures.take("all");
      if (!failure.ok) return tooMany(failure.retryAfterSeconds);
    }
    if (!given) {
      return text(401, "Run now needs the admin token (Authorization: Bearer TOKEN).", {
        "www-authenticate": 'Bearer realm="paperpulse"',
      });
    }
    if (!right) return text(403, "Wrong admin token.");
  }
  let result: Awaited<ReturnType<typeof triggerRefresh>>;
  try {
    result = await triggerRefresh();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Run now could not start: ${reason}`);
    return text(503, `The run could not start: ${reason}`);
  }
  const location = `/runs/${result.runId}`;
  // The Runs page's plain HTML form: back to a page, the run's own.
  if (form && headers.get("accept")?.includes("text/html")) {
    return new Response(null, {
      status: 303,
      headers: { location: `${location}?runNow=${result.started ? "started" : "active"}` },
    });
  }
  return Response.json(
    { runId: result.runId, started: result.started, job: "refresh", url: location },
    { status: 202, headers: { location, "cache-control": "no-store" } },
  );
}

export function GET(): Response {
  return text(405, "Method not allowed: Run now is POST only.", { allow: "POST" });
}

// Next's own 405 for methods a route does not export has no message and no Allow header.
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;

/** What the route allows: Next's automatic answer would list every method exported above. */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { allow: "POST, OPTIONS" } });
}

function isForm(headers: Headers): boolean {
  return headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;
}

/** The `token` form field; undefined when the body is too large to be the Runs page's form. */
async function formToken(request: Request): Promise<string | null | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxFormBytes) return undefined;
  // Read with a cap: a chunked body declares no length.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxFormBytes) {
      await reader?.cancel();
      return undefined;
    }
    chunks.push(next.value);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  return new URLSearchParams(body).get("token") || null;
}

function tooMany(retryAfterSeconds: number): Response {
  return text(429, `Too many requests: try again in ${retryAfterSeconds} s.`, {
    "retry-after": String(retryAfterSeconds),
  });
}

function text(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
      ...extra,
    },
  });
}
