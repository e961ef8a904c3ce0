import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/csp";
import { getEnv } from "@/server/env";
import { refuseStateChange } from "@/server/network";
import { isCacheable, renderNonceFor, serveFromCache } from "@/server/page-cache";

/**
 * A fresh CSP nonce per request: set on the request (Next reads it to sign its scripts) and on the response. Views
 * and exports are served from the page cache (server/page-cache.ts), each copy of a view with a nonce of its own.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Next answers 500 when a dynamic segment (/papers/ID, /orgs/NAME, /runs/ID) is not valid percent-encoded UTF-8
  // (vercel/next.js#92527). No paper, organisation or run has such a path: not found, like any other unknown one.
  if (!decodable(request.nextUrl.pathname)) {
    return plain(404, "Not found: the path is not valid percent-encoded UTF-8.");
  }
  if (!readOnlyMethods.has(request.method)) {
    const refusal = refuseStateChange(request.headers, getEnv());
    if (refusal) return plain(403, refusal);
  }
  const rendering = renderNonceFor(request);
  if (rendering) return pass(request, rendering);
  const nonce = createNonce();
  if (isCacheable(request, request.nextUrl.pathname)) {
    const served = await serveFromCache(
      `${request.nextUrl.pathname}${request.nextUrl.search}`,
      nonce,
      request.headers.get("accept-encoding"),
    );
    if (served) {
      served.headers.set("content-security-policy", policyFor(nonce));
      served.headers.set(cacheHeader, served.cache);
      return new NextResponse(served.body, { status: 200, headers: served.headers });
    }
  }
  return pass(request, nonce);
}

const readOnlyMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function plain(status: number, message: string): NextResponse {
  return new NextResponse(`${message}\n`, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}

// Says how a response came from the cache (hit, stale, rendered): for operators and tests.
const cacheHeader = "x-paperpulse-page-cache";

/** On to Next, with the nonce in the request's CSP (Next signs its scripts with it) and the response's. */
function pass(request: NextRequest, nonce: string): NextResponse {
  const policy = policyFor(nonce);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function policyFor(nonce: string): string {
  // NODE_ENV is the framework's flag (next dev sets it), not one of ours: server/env.ts does not declare it.
  return contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Build assets are scripts and styles themselves: no policy of their own needed.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
